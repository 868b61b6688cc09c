import { Link } from "@tanstack/react-router";
import type { Style } from "../../api/styles.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { exactTime, relativeTime } from "../../lib/relative-time.ts";
import { Permitted } from "../../session/Permitted.tsx";
import { useCan } from "../../session/useSession.ts";

const categoryKeys: Record<string, MessageKey> = {
  image: "editor.category.image",
  document: "editor.category.document",
  video: "editor.category.video",
};

/** The styles as a table; below 640 px the CSS lays each row out as a card with the same cells. */
export function StyleTable({
  bucket,
  styles,
  onDelete,
}: {
  bucket: string;
  styles: Style[];
  onDelete: (name: string) => void;
}) {
  const { t, locale } = useI18n();
  const now = new Date();
  const mayWrite = useCan("style.write", bucket);
  return (
    <table className="style-table">
      <caption className="visually-hidden">{t("styles.table", { bucket })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("styles.col.name")}</th>
          <th scope="col">{t("styles.col.content")}</th>
          <th scope="col">{t("styles.col.category")}</th>
          <th scope="col">{t("styles.col.modified")}</th>
          <th scope="col">
            <span className="visually-hidden">{t("styles.col.actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {styles.map((style) => {
          const modified = new Date(style.lastModifyTime);
          const category = style.category ? categoryKeys[style.category] : undefined;
          return (
            <tr key={style.name}>
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
                    <button
                      type="button"
                      className="button button-small button-quiet-danger"
                      aria-label={t("styles.delete", { name: style.name })}
                      onClick={() => onDelete(style.name)}
                      {...refused}
                    >
                      {t("styles.deleteShort")}
                    </button>
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
