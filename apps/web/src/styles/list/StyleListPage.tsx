import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { useId, useRef, useState } from "react";
import { bucketsQuery } from "../../api/buckets.ts";
import { type Style, stylesQuery } from "../../api/styles.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../../ui/ErrorPanel.tsx";
import { bucketUsageQuery } from "../../usage/api.ts";
import { useDeleteStyle } from "../delete/useDeleteStyle.ts";
import "./list.css";
import { BulkBar } from "./BulkBar.tsx";
import { LazyBulkDeleteDialog, LazyDeleteStyleDialog, LazyNameDialog } from "./dialogs.tsx";
import { filterStyles, type SortKey, sortStyles } from "./filter.ts";
import type { NameAction } from "./NameDialog.tsx";
import { StyleTable, StyleTableSkeleton } from "./StyleTable.tsx";
import { type ListSearch, parseListSearch } from "./search.ts";
import { ShortcutsDialog, useListShortcuts } from "./shortcuts.tsx";
import { isUnusedFor, usageIndex, usageOf } from "./usage.ts";

const listRoute = getRouteApi("/buckets/$bucket/styles");

/**
 * A bucket's styles: count against the limit, search, sort and filters (in the URL), the table with
 * thumbnails and usage, selection with bulk delete through a plan, duplicate, rename and delete.
 */
export function StyleListPage({ bucket }: { bucket: string }) {
  const { t } = useI18n();
  // Both queries start together; neither waits for the other.
  const styles = useQuery(stylesQuery(bucket));
  const buckets = useQuery(bucketsQuery);
  const limit = buckets.data?.find((b) => b.name === bucket)?.styleLimit;
  // Search, sort and the category filter live in the URL: reload, share and back/forward keep them.
  const search = listRoute.useSearch();
  const navigate = listRoute.useNavigate();
  const query = search.q ?? "";
  const sort: SortKey = search.sort ?? "name";
  const setSearch = (change: { [K in keyof ListSearch]?: ListSearch[K] | undefined }, replace = false) =>
    void navigate({ search: (prev) => parseListSearch({ ...prev, ...change }), replace });
  // Usage from the access logs (issue 13); unknown (null) while loading, on error, or without logging.
  // Asked once the bucket is known to be managed: an unknown bucket answers 404 to the list already.
  const known = buckets.data?.some((b) => b.name === bucket) === true;
  const usageAnswer = useQuery({ ...bucketUsageQuery(bucket), enabled: known });
  const usage = usageIndex(usageAnswer.data);
  const [deleting, setDeleting] = useState<Style | null>(null);
  const [plan, setPlan] = useState<Style[] | null>(null);
  const [naming, setNaming] = useState<NameAction | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const select = (names: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const name of names) on ? next.add(name) : next.delete(name);
      return next;
    });
  const remove = useDeleteStyle(bucket);
  const searchId = useId();
  const newLink = useRef<HTMLAnchorElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  useListShortcuts({
    search: () => searchRef.current?.focus(),
    create: () => newLink.current?.click(),
    escape: () => {
      if (document.activeElement === searchRef.current && query) setSearch({ q: "" }, true);
      else searchRef.current?.blur();
    },
    help: () => setHelpOpen(true),
  });
  const sortId = useId();
  const categoryId = useId();

  const unusedId = useId();
  const unknownId = useId();
  const now = Date.now();
  const filtered = styles.data ? filterStyles(styles.data, query, search.category) : [];
  // Unknown usage never reads as "unused": with the filter on and no logs, the list stays whole and says why.
  const visible = sortStyles(
    search.unused && usage ? filtered.filter((s) => isUnusedFor(usageOf(usage, s.name), now)) : filtered,
    sort,
  );
  const unusedShown = usage ? visible.filter((s) => isUnusedFor(usageOf(usage, s.name), now)) : [];
  const count = styles.data?.length;
  const full = count !== undefined && limit !== undefined && count >= limit;
  // Selected styles still in the bucket, in list order: the plan names exactly these.
  const chosen = (styles.data ?? []).filter((s) => selected.has(s.name));
  const taken = new Set((styles.data ?? []).map((s) => s.name));

  return (
    <section aria-labelledby="styles-title" className="page">
      <div className="page-header">
        <div>
          <h1 id="styles-title">{t("styles.title")}</h1>
          <p className="page-subtitle">
            <span className="bucket-name">{bucket}</span>
            {count !== undefined && limit !== undefined ? (
              <span className={full ? "count count-full" : "count"}>
                {t("styles.count", { count, limit })}
              </span>
            ) : null}
          </p>
        </div>
        {styles.data && styles.data.length > 0 ? (
          full ? (
            // At the limit, creating would only fail: the button says why instead of leading there.
            <button
              type="button"
              className="button button-primary"
              disabled
              aria-describedby="limit-reason"
              title={t("styles.limitReached", { limit })}
            >
              <Plus aria-hidden="true" size={16} />
              {t("styles.new")}
            </button>
          ) : (
            <Link
              to="/buckets/$bucket/styles/new"
              params={{ bucket }}
              className="button button-primary"
              ref={newLink}
            >
              <Plus aria-hidden="true" size={16} />
              {t("styles.new")}
            </Link>
          )
        ) : null}
      </div>
      {full ? (
        <p className="notice" id="limit-reason">
          {t("styles.limitReached", { limit })}
        </p>
      ) : null}

      {styles.data && styles.data.length > 0 ? (
        <div className="toolbar">
          <div className="field field-grow">
            <label htmlFor={searchId} className="visually-hidden">
              {t("styles.search")}
            </label>
            <input
              id={searchId}
              ref={searchRef}
              type="search"
              placeholder={t("styles.searchPlaceholder")}
              value={query}
              // Typing replaces the entry, so Back leaves the list instead of undoing letters one by one.
              onChange={(e) => setSearch({ q: e.target.value }, true)}
            />
          </div>
          <div className="inline-field">
            <label htmlFor={sortId} className="inline-label">
              {t("styles.sort")}
            </label>
            <select
              id={sortId}
              value={sort}
              onChange={(e) => setSearch({ sort: e.target.value as ListSearch["sort"] })}
            >
              <option value="name">{t("styles.sort.name")}</option>
              <option value="modified">{t("styles.sort.modified")}</option>
              <option value="category">{t("styles.sort.category")}</option>
            </select>
          </div>
          <div className="inline-field">
            <label htmlFor={categoryId} className="inline-label">
              {t("styles.filter.category")}
            </label>
            <select
              id={categoryId}
              value={search.category ?? ""}
              onChange={(e) =>
                setSearch({ category: (e.target.value || undefined) as ListSearch["category"] })
              }
            >
              <option value="">{t("styles.filter.all")}</option>
              <option value="image">{t("editor.category.image")}</option>
              <option value="document">{t("editor.category.document")}</option>
              <option value="video">{t("editor.category.video")}</option>
            </select>
          </div>
          <label htmlFor={unusedId} className="inline-field">
            <input
              id={unusedId}
              type="checkbox"
              checked={search.unused === true}
              // Unknown usage cannot say which styles are unused: the notice below the toolbar says why.
              disabled={usageAnswer.isSuccess && !usage}
              aria-describedby={usageAnswer.isSuccess && !usage ? unknownId : undefined}
              onChange={(e) => setSearch({ unused: e.target.checked ? true : undefined })}
            />{" "}
            {t("usage.filterUnused")}
          </label>
        </div>
      ) : null}
      {styles.data && styles.data.length > 0 && usageAnswer.isSuccess && !usage ? (
        <p className="notice usage-unknown-notice" id={unknownId}>
          {t("list.usage.unknownWhy")}
        </p>
      ) : null}
      {styles.data && styles.data.length > 0 ? (
        <BulkBar
          bucket={bucket}
          count={chosen.length}
          unusedCount={unusedShown.length}
          usageKnown={usage !== null}
          onSelectUnused={() => setSelected(new Set(unusedShown.map((s) => s.name)))}
          onDelete={() => setPlan(chosen)}
          onClear={() => setSelected(new Set())}
        />
      ) : null}

      {styles.isPending ? <StyleTableSkeleton label={t("styles.loading")} /> : null}
      {styles.isError ? <ErrorPanel error={styles.error} onRetry={() => styles.refetch()} /> : null}
      {styles.data?.length === 0 ? <EmptyState bucket={bucket} /> : null}
      {styles.data && styles.data.length > 0 && visible.length === 0 ? (
        <p className="no-match">
          {search.unused && filtered.length > 0 ? t("usage.noUnused") : t("styles.noMatch", { query })}
        </p>
      ) : null}
      {visible.length > 0 ? (
        <StyleTable
          bucket={bucket}
          styles={visible}
          usage={usage}
          usagePending={usageAnswer.isPending}
          selected={selected}
          onSelect={select}
          full={full ? t("styles.limitReached", { limit }) : null}
          actions={{
            onDelete: setDeleting,
            onDuplicate: (style) => setNaming({ mode: "duplicate", style }),
            onRename: (style) => setNaming({ mode: "rename", style }),
          }}
        />
      ) : null}

      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <LazyDeleteStyleDialog
        name={deleting?.name ?? null}
        usage={usageOf(usage, deleting?.name ?? "")}
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting);
          setDeleting(null);
        }}
      />
      <LazyBulkDeleteDialog
        bucket={bucket}
        styles={plan}
        usage={usage}
        onClose={() => setPlan(null)}
        onDeleted={(names) => select(names, false)}
      />
      <LazyNameDialog bucket={bucket} action={naming} taken={taken} onClose={() => setNaming(null)} />
    </section>
  );
}

function EmptyState({ bucket }: { bucket: string }) {
  const { t } = useI18n();
  return (
    <div className="empty-state">
      <h2>{t("styles.empty.title")}</h2>
      <p className="muted">{t("styles.empty.body")}</p>
      <Link to="/buckets/$bucket/styles/new" params={{ bucket }} className="button button-primary">
        {t("styles.empty.cta")}
      </Link>
    </div>
  );
}
