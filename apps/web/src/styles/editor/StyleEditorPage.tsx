import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { styleQuery } from "../../api/styles.ts";
import { type Draft, draftQuery } from "../../drafts/api.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../../ui/ErrorPanel.tsx";
import { StyleForm } from "./StyleForm.tsx";

function EditorHeader({ bucket, title, name }: { bucket: string; title: string; name?: string }) {
  const { t } = useI18n();
  return (
    <div className="page-header">
      <div>
        <Link to="/buckets/$bucket/styles" params={{ bucket }} className="back-link">
          ← {t("editor.back")}
        </Link>
        <h1 id="editor-title">{title}</h1>
      </div>
      {name ? (
        <Link to="/buckets/$bucket/styles/$name/history" params={{ bucket, name }} className="button">
          {t("history.nav")}
        </Link>
      ) : null}
    </div>
  );
}

/** Waits for the draft being revised (`?draft=<id>`), if any, then renders the form with it. */
function WithDraft({
  bucket,
  id,
  children,
}: {
  bucket: string;
  id: number | undefined;
  children: (draft: Draft | null) => ReactNode;
}) {
  const { t } = useI18n();
  const query = useQuery({ ...draftQuery(bucket, id ?? 0), enabled: id !== undefined });
  if (id === undefined) return children(null);
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data)
    return (
      <div className="card skeleton-form" role="status" aria-label={t("editor.loading")} aria-busy="true" />
    );
  return children(query.data);
}

export function NewStylePage({ bucket, draftId }: { bucket: string; draftId?: number | undefined }) {
  const { t } = useI18n();
  return (
    <section className="page" aria-labelledby="editor-title">
      <EditorHeader bucket={bucket} title={t("editor.titleNew")} />
      <WithDraft bucket={bucket} id={draftId}>
        {(draft) => <StyleForm bucket={bucket} initial={null} draft={draft} />}
      </WithDraft>
    </section>
  );
}

/** Loads the style fresh (its lastModifyTime guards the save), then hands it to the form once. */
export function EditStylePage({
  bucket,
  style,
  draftId,
}: {
  bucket: string;
  style: string;
  draftId?: number | undefined;
}) {
  const { t } = useI18n();
  const query = useQuery(styleQuery(bucket, style));
  return (
    <section className="page" aria-labelledby="editor-title">
      <EditorHeader bucket={bucket} name={style} title={t("editor.titleEdit", { name: style })} />
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
        <WithDraft bucket={bucket} id={draftId}>
          {(draft) => <StyleForm key={`${style}`} bucket={bucket} initial={query.data} draft={draft} />}
        </WithDraft>
      )}
    </section>
  );
}

const newRoute = getRouteApi("/buckets/$bucket/styles/new");
const editRoute = getRouteApi("/buckets/$bucket/styles/$name/edit");

/** The `…/styles/new` screen (loaded on demand with the editor's chunk). */
export function NewStyleScreen() {
  const { bucket } = newRoute.useParams();
  const { draft } = newRoute.useSearch();
  return <NewStylePage key={`${bucket}/${draft}`} bucket={bucket} draftId={draft} />;
}

/** The `…/styles/$name/edit` screen (loaded on demand with the editor's chunk). */
export function EditStyleScreen() {
  const { bucket, name } = editRoute.useParams();
  const { draft } = editRoute.useSearch();
  return <EditStylePage key={`${bucket}/${name}/${draft}`} bucket={bucket} style={name} draftId={draft} />;
}
