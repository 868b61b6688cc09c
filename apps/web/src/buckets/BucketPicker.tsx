import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { bucketsQuery } from "../api/buckets.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { rememberBucket } from "./remembered.ts";

/** The header's bucket switch; choosing one opens its styles and is remembered for the next visit. */
export function BucketPicker({ current }: { current: string | null }) {
  const { t } = useI18n();
  const buckets = useQuery(bucketsQuery);
  const navigate = useNavigate();
  const list = buckets.data ?? [];
  return (
    <label className="inline-field">
      <span className="inline-label">{t("header.bucket")}</span>
      <select
        value={current ?? ""}
        disabled={list.length === 0}
        onChange={(e) => {
          rememberBucket(e.target.value);
          void navigate({ to: "/buckets/$bucket/styles", params: { bucket: e.target.value } });
        }}
      >
        {current && !list.some((b) => b.name === current) ? <option value={current}>{current}</option> : null}
        {list.map((b) => (
          <option key={b.name} value={b.name}>
            {b.name}
          </option>
        ))}
      </select>
    </label>
  );
}
