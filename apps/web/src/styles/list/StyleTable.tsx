import { Link } from "@tanstack/react-router";
import { Copy, PenLine, Trash2 } from "lucide-react";
import type { Style } from "../../api/styles.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { exactTime, relativeTime } from "../../lib/relative-time.ts";
import { Permitted } from "../../session/Permitted.tsx";
import { useCan } from "../../session/useSession.ts";
import { LastUsedCell, RequestsCell } from "../delete/UsageLine.tsx";
import { Thumbnail } from "./Thumbnail.tsx";
import { type UsageIndex, usageOf } from "./usage.ts";

const categoryKeys: Record<string, MessageKey> = {
  image: "editor.category.image",
  document: "editor.category.document",
  video: "editor.category.video",
};

export interface RowActions {
  onDelete: (style: Style) => void;
  onDuplicate: (style: Style) => void;
  onRename: (style: Style) => void;
}

/**
 * The styles as a table: a checkbox to select, a thumbnail, name, content, category, last use and
 * 30-day requests (issue 13), last modified, and the row's actions. Below 640 px the CSS lays each row
 * out as a card with the same cells.
 */
export function StyleTable({
  bucket,
  styles,
  usage,
  usagePending = false,
  selected,
  onSelect,
  actions,
  full,
}: {
  bucket: string;
  styles: Style[];
  usage: UsageIndex;
  /** Usage not answered yet: its cells wait ("…") rather than say "Unknown". */
  usagePending?: boolean;
  selected: ReadonlySet<string>;
  /** Selects (true) or unselects these names. */
  onSelect: (names: string[], on: boolean) => void;
  actions: RowActions;
  /** At the style limit: duplicate and rename (which needs room for its copy) are off. */
  full: string | null;
}) {
  const { t, locale } = useI18n();
  const now = new Date();
  const mayWrite = useCan("style.write", bucket);
  const names = styles.map((s) => s.name);
  const all = names.length > 0 && names.every((n) => selected.has(n));
  const some = !all && names.some((n) => selected.has(n));
  return (
    <table className="style-table style-list">
      <caption className="visually-hidden">{t("styles.table", { bucket })}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-select">
            <input
              type="checkbox"
              aria-label={t("list.selectAll")}
              checked={all}
              ref={(el) => {
                if (el) el.indeterminate = some;
              }}
              onChange={(e) => onSelect(names, e.target.checked)}
            />
          </th>
          <th scope="col" className="col-thumb" />
          <th scope="col" className="col-name">
            {t("styles.col.name")}
          </th>
          <th scope="col" className="col-content">
            {t("styles.col.content")}
          </th>
          <th scope="col" className="col-category">
            {t("styles.col.category")}
          </th>
          <th scope="col" className="col-used">
            {t("usage.col.lastUsed")}
          </th>
          <th scope="col" className="col-requests">
            {t("usage.col.requests30d")}
          </th>
          <th scope="col" className="col-modified">
            {t("styles.col.modified")}
          </th>
          <th scope="col" className="col-actions">
            <span className="visually-hidden">{t("styles.col.actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {styles.map((style) => {
          const modified = new Date(style.lastModifyTime);
          const category = style.category ? categoryKeys[style.category] : undefined;
          const fact = usageOf(usage, style.name);
          return (
            <tr key={style.name} data-selected={selected.has(style.name) || undefined}>
              <td className="cell-select">
                <input
                  type="checkbox"
                  aria-label={t("list.select", { name: style.name })}
                  checked={selected.has(style.name)}
                  onChange={(e) => onSelect([style.name], e.target.checked)}
                />
              </td>
              <td className="cell-thumb">
                <Thumbnail
                  key={style.content}
                  bucket={bucket}
                  content={style.content}
                  category={style.category}
                />
              </td>
              <th scope="row" className="cell-name">
                <Link to="/buckets/$bucket/styles/$name/edit" params={{ bucket, name: style.name }}>
                  {style.name}
                </Link>
              </th>
              <td className="cell-content">
                <code title={style.content}>{style.content}</code>
              </td>
              <td className="cell-category" data-label={t("styles.col.category")}>
                {category ? t(category) : (style.category ?? "—")}
              </td>
              <td className="cell-used" data-label={t("usage.col.lastUsed")}>
                {usagePending ? "…" : <LastUsedCell fact={fact} now={now} />}
              </td>
              <td className="cell-requests" data-label={t("usage.col.requests30d")}>
                {usagePending ? "…" : <RequestsCell fact={fact} />}
              </td>
              <td className="cell-modified" data-label={t("styles.col.modified")}>
                <time dateTime={style.lastModifyTime} title={exactTime(modified, locale)}>
                  {relativeTime(modified, now, locale)}
                </time>
              </td>
              <td className="cell-actions">
                <Link
                  to="/buckets/$bucket/styles/$name/edit"
                  params={{ bucket, name: style.name }}
                  className="button button-small"
                  aria-label={t("styles.edit", { name: style.name })}
                >
                  {t("styles.editShort")}
                </Link>
                <Permitted verdict={mayWrite}>
                  {(refused) => (
                    <>
                      <RowButton
                        label={t("list.duplicate", { name: style.name })}
                        reason={full}
                        onClick={() => actions.onDuplicate(style)}
                        refused={refused}
                      >
                        <Copy aria-hidden="true" size={16} />
                      </RowButton>
                      <RowButton
                        label={t("list.rename", { name: style.name })}
                        reason={full}
                        onClick={() => actions.onRename(style)}
                        refused={refused}
                      >
                        <PenLine aria-hidden="true" size={16} />
                      </RowButton>
                      <RowButton
                        label={t("styles.delete", { name: style.name })}
                        reason={null}
                        danger
                        onClick={() => actions.onDelete(style)}
                        refused={refused}
                      >
                        <Trash2 aria-hidden="true" size={16} />
                      </RowButton>
                    </>
                  )}
                </Permitted>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** An icon button named by `aria-label` (and shown as a tooltip); off with `reason` as its tooltip. */
function RowButton({
  label,
  reason,
  danger,
  onClick,
  refused,
  children,
}: {
  label: string;
  reason: string | null;
  danger?: boolean;
  onClick: () => void;
  refused: { disabled?: boolean; "aria-describedby"?: string; title?: string };
  children: React.ReactNode;
}) {
  const off = refused.disabled === true || reason !== null;
  return (
    <button
      type="button"
      className={
        danger ? "button button-small button-icon button-quiet-danger" : "button button-small button-icon"
      }
      aria-label={label}
      title={refused.title ?? reason ?? label}
      disabled={off}
      aria-describedby={refused["aria-describedby"] ?? (reason !== null ? "limit-reason" : undefined)}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** Rows of grey bars shaped like the table while the list loads, so the page does not jump. */
export function StyleTableSkeleton({ label }: { label: string }) {
  return (
    <div className="skeleton-table" role="status" aria-label={label} aria-busy="true">
      {[0, 1, 2, 3].map((row) => (
        <div key={row} className="skeleton-row">
          <span className="skeleton" style={{ width: "18%" }} />
          <span className="skeleton" style={{ width: "42%" }} />
          <span className="skeleton" style={{ width: "12%" }} />
          <span className="skeleton" style={{ width: "14%" }} />
        </div>
      ))}
    </div>
  );
}
