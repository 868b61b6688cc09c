import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Version } from "./api.ts";
import { diffVersions } from "./version-diff.ts";

/**
 * The operations that differ between two versions, one row per operation ("changed" pairs them).
 * `title` replaces "Changes from version … to version …" (a draft against the live version).
 */
export function VersionDiff({
  from,
  to,
  title,
}: {
  from: Pick<Version, "id" | "content">;
  to: Pick<Version, "id" | "content">;
  title?: string;
}) {
  const { t } = useI18n();
  const rows = diffVersions(from.content, to.content);
  const changed = rows.some((r) => r.kind !== "same");
  return (
    <div className="card">
      <h2>{title ?? t("history.diff.title", { from: from.id, to: to.id })}</h2>
      {!changed ? <p>{t("history.diff.none")}</p> : null}
      <table className="history-diff" data-testid="version-diff">
        <tbody>
          {rows.map((row, index) => (
            // Rows are positional: the same operation may appear twice in a chain.
            <tr key={index} className={`diff-${row.kind}`} data-kind={row.kind}>
              <th scope="row">{t(`history.diff.${row.kind}`)}</th>
              {row.kind === "changed" ? (
                <td>
                  <del>{row.before}</del> → <ins>{row.after}</ins>
                </td>
              ) : (
                <td>
                  {row.kind === "removed" ? (
                    <del>{row.text}</del>
                  ) : row.kind === "added" ? (
                    <ins>{row.text}</ins>
                  ) : (
                    row.text
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
