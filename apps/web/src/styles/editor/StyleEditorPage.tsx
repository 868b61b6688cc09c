import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { styleQuery } from "../../api/styles.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../../ui/ErrorPanel.tsx";
import { StyleForm } from "./StyleForm.tsx";

function EditorHeader({ bucket, title }: { bucket: string; title: string }) {
  const { t } = useI18n();
  return (
    <div className="page-header">
      <div>
        <Link to="/buckets/$bucket/styles" params={{ bucket }} className="back-link">
          ← {t("editor.back")}
        </Link>
        <h1 id="editor-title">{title}</h1>
      </div>
    </div>
  );
}

export function NewStylePage({ bucket }: { bucket: string }) {
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="editor-title">
      <EditorHeader bucket={bucket} title={t("editor.titleNew")} />
      <StyleForm bucket={bucket} initial={null} />
    </section>
  );
}

/** Loads the style fresh (its lastModifyTime guards the save), then hands it to the form once. */
export function EditStylePage({ bucket, style }: { bucket: string; style: string }) {
  const { t } = useI18n();
  const query = useQuery(styleQuery(bucket, style));
  return (
    <section className="page" aria-labelledby="editor-title">
      <EditorHeader bucket={bucket} title={t("editor.titleEdit", { name: style })} />
      {/* Wait for this visit's own fetch: a cached copy may be older than the server's. */}
      {query.isPending || (query.isFetching && !query.isFetchedAfterMount) ? (
        <div className="card skeleton-form" role="status" aria-label={t("editor.loading")} aria-busy="true">
          <span className="skeleton" style={{ width: "30%" }} />
          <span className="skeleton skeleton-tall" />
          <span className="skeleton" style={{ width: "20%" }} />
        </div>
      ) : query.isError || !query.data ? (
        query.error?.status === 404 ? (
          <p className="notice" role="alert">
            {t("editor.notFound", { name: style, bucket })}
          </p>
        ) : (
          query.error && <ErrorPanel error={query.error} onRetry={() => query.refetch()} />
        )
      ) : (
        // Keyed by the loaded version, so a later refetch never overwrites what the operator is typing.
        <StyleForm key={`${style}`} bucket={bucket} initial={query.data} />
      )}
    </section>
  );
}
