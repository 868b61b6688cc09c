import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { objectsQuery } from "../api/preview.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { formatBytes } from "./facts.ts";

/** The bucket's images under a prefix (typed, debounced), paged with "Load more"; a click previews one. */
export function ObjectBrowser({
  bucket,
  selected,
  onPick,
}: {
  bucket: string;
  selected: string | null;
  onPick: (key: string) => void;
}) {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState("");
  const [prefix, setPrefix] = useState("");
  const id = useId();
  useEffect(() => {
    const timer = setTimeout(() => setPrefix(typed), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = useInfiniteQuery(objectsQuery(bucket, prefix));
  const objects = query.data?.pages.flatMap((p) => p.objects) ?? [];

  return (
    <div className="object-browser">
      <div className="field">
        <label htmlFor={id}>{t("preview.objects.prefix")}</label>
        <input
          id={id}
          type="search"
          value={typed}
          placeholder={t("preview.objects.prefixPlaceholder")}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      {query.isPending ? (
        <p className="muted" role="status">
          {t("preview.objects.loading")}
        </p>
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => query.refetch()} />
      ) : objects.length === 0 ? (
        <p className="muted">{t("preview.objects.none")}</p>
      ) : (
        <ul className="object-list" aria-label={t("preview.objects.list", { bucket })}>
          {objects.map((o) => (
            <li key={o.key}>
              <button
                type="button"
                className="object-item"
                aria-pressed={selected === o.key}
                onClick={() => onPick(o.key)}
              >
                <span className="object-key">{o.key}</span>
                <span className="muted">{formatBytes(o.size, locale)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage ? (
        <button
          type="button"
          className="button button-small"
          disabled={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          {t("preview.objects.more")}
        </button>
      ) : null}
    </div>
  );
}
