import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { bucketsQuery } from "../../api/buckets.ts";
import { stylesQuery } from "../../api/styles.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../../ui/ErrorPanel.tsx";
import { DeleteStyleDialog } from "../delete/DeleteStyleDialog.tsx";
import { useDeleteStyle } from "../delete/useDeleteStyle.ts";
import { filterStyles, type SortKey, sortStyles } from "./filter.ts";
import { StyleTable, StyleTableSkeleton } from "./StyleTable.tsx";
import { type ListSearch, parseListSearch } from "./search.ts";

const listRoute = getRouteApi("/buckets/$bucket/styles");

/** A bucket's styles: count against the limit, search, sort, the table, and delete. */
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
  const setSearch = (change: Partial<ListSearch>, replace = false) =>
    void navigate({ search: (prev) => parseListSearch({ ...prev, ...change }), replace });
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useDeleteStyle(bucket);
  const searchId = useId();
  const sortId = useId();
  const categoryId = useId();

  const visible = styles.data ? sortStyles(filterStyles(styles.data, query, search.category), sort) : [];
  const count = styles.data?.length;
  const full = count !== undefined && limit !== undefined && count >= limit;

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
          <Link to="/buckets/$bucket/styles/new" params={{ bucket }} className="button button-primary">
            {t("styles.new")}
          </Link>
        ) : null}
      </div>
      {full ? <p className="notice">{t("styles.limitReached", { limit })}</p> : null}

      {styles.data && styles.data.length > 0 ? (
        <div className="toolbar">
          <div className="field field-grow">
            <label htmlFor={searchId} className="visually-hidden">
              {t("styles.search")}
            </label>
            <input
              id={searchId}
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
        </div>
      ) : null}

      {styles.isPending ? <StyleTableSkeleton label={t("styles.loading")} /> : null}
      {styles.isError ? <ErrorPanel error={styles.error} onRetry={() => styles.refetch()} /> : null}
      {styles.data?.length === 0 ? <EmptyState bucket={bucket} /> : null}
      {styles.data && styles.data.length > 0 && visible.length === 0 ? (
        <p className="no-match">{t("styles.noMatch", { query })}</p>
      ) : null}
      {visible.length > 0 ? <StyleTable bucket={bucket} styles={visible} onDelete={setDeleting} /> : null}

      <DeleteStyleDialog
        name={deleting}
        onClose={() => setDeleting(null)}
        onConfirm={(name) => {
          setDeleting(null);
          remove.mutate(name);
        }}
      />
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
