import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { ApiError } from "../api/error.ts";
import { invalidateStyleLists } from "../api/styles.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { exactTime } from "../lib/relative-time.ts";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { useToast } from "../ui/toast.tsx";
import { type DeletedStyle, deletedQuery, historyKeys, restoreVersion } from "./api.ts";

/** "Recently deleted": the bucket's deleted styles, each restorable in one click (it recreates the style). */
export function DeletedPage({ bucket }: { bucket: string }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const toast = useToast();
  const deleted = useQuery(deletedQuery(bucket));
  const restore = useMutation<unknown, ApiError, DeletedStyle>({
    mutationFn: (style) => restoreVersion(bucket, style.name, style.versionId, {}),
    onSuccess: async (_r, style) => {
      toast("success", t("deleted.done", { name: style.name }));
      await Promise.all([
        client.invalidateQueries({ queryKey: historyKeys.deleted(bucket) }),
        client.invalidateQueries({ queryKey: historyKeys.versions(bucket, style.name) }),
        invalidateStyleLists(client, bucket),
      ]);
    },
  });
  const styles = deleted.data ?? [];
  return (
    <section className="stack" aria-labelledby="deleted-title">
      <h1 id="deleted-title">{t("deleted.title")}</h1>
      {deleted.error ? <ErrorPanel error={deleted.error} onRetry={() => deleted.refetch()} /> : null}
      {restore.error ? <ErrorPanel error={restore.error} /> : null}
      {deleted.isSuccess && styles.length === 0 ? <p>{t("deleted.empty")}</p> : null}
      {styles.length > 0 ? (
        <table className="style-table">
          <thead>
            <tr>
              <th scope="col">{t("deleted.name")}</th>
              <th scope="col">{t("deleted.when")}</th>
              <th scope="col">{t("deleted.who")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("deleted.restore", { name: "" })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {styles.map((style) => (
              <tr key={style.name} data-testid="deleted-style">
                <td>
                  <Link
                    to="/buckets/$bucket/styles/$name/history"
                    params={{ bucket, name: style.name }}
                    aria-label={t("deleted.history", { name: style.name })}
                  >
                    {style.name}
                  </Link>
                  <div>
                    <code>{style.content}</code>
                  </div>
                </td>
                <td>
                  <time dateTime={style.deletedAt}>{exactTime(new Date(style.deletedAt), locale)}</time>
                </td>
                <td>{style.actor ? style.actor.username : t("history.byExternal")}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate(style)}
                  >
                    {t("deleted.restore", { name: style.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
