import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { bucketsQuery } from "../api/buckets.ts";
import { chooseBucket, rememberedBucket } from "../buckets/remembered.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";

/** `/` (and any unknown path) opens the remembered bucket, or the first one on a first visit. */
export function HomeRedirect() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const buckets = useQuery(bucketsQuery);
  const target = buckets.data
    ? chooseBucket(
        buckets.data.map((b) => b.name),
        rememberedBucket(),
      )
    : null;
  useEffect(() => {
    if (target) void navigate({ to: "/buckets/$bucket/styles", params: { bucket: target }, replace: true });
  }, [target, navigate]);
  if (buckets.isError) return <ErrorPanel error={buckets.error} onRetry={() => buckets.refetch()} />;
  if (buckets.data && !target) return <p className="notice">{t("buckets.none")}</p>;
  return (
    <p role="status" className="muted">
      {t("buckets.loading")}
    </p>
  );
}
