import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useId, useRef, useState } from "react";
import { ApiError } from "../api/error.ts";
import { previewKeys, type Sample, uploadSample } from "../api/preview.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Permitted } from "../session/Permitted.tsx";
import { useCan } from "../session/useSession.ts";

type Upload =
  | { state: "idle" }
  | { state: "sending"; name: string; fraction: number }
  | { state: "done"; name: string }
  | { state: "failed"; name: string; message: string };

/**
 * Drop an image or choose one; the bar follows the bytes sent (XHR upload progress). The server checks
 * the type from the bytes and the OSS limits; its reason is shown when it refuses.
 */
export function UploadPanel({ onUploaded }: { onUploaded: (sample: Sample) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const [over, setOver] = useState(false);
  const hintId = useId();

  const send = async (file: File) => {
    setUpload({ state: "sending", name: file.name, fraction: 0 });
    try {
      const sample = await uploadSample(file, (fraction) =>
        setUpload({ state: "sending", name: file.name, fraction }),
      );
      await client.invalidateQueries({ queryKey: previewKeys.samples(), exact: true });
      setUpload({ state: "done", name: file.name });
      onUploaded(sample);
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      setUpload({ state: "failed", name: file.name, message });
    }
  };
  // Uploading needs a designer (the BFF's access table); a viewer sees why the button is off.
  const mayUpload = useCan("sample.upload");
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && mayUpload.allowed) void send(file);
  };

  return (
    <div className="upload">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the button inside is the keyboard path */}
      <div
        className={over ? "drop-zone drop-zone-over" : "drop-zone"}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="drop-title">{t("preview.upload.drop")}</p>
        <p className="muted">{t("preview.upload.or")}</p>
        <Permitted verdict={mayUpload}>
          {(refused) => (
            <button
              type="button"
              className="button"
              onClick={() => input.current?.click()}
              aria-describedby={hintId}
              {...refused}
            >
              {t("preview.upload.choose")}
            </button>
          )}
        </Permitted>
        <input
          ref={input}
          type="file"
          accept="image/*"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t("preview.upload.choose")}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void send(file);
            e.target.value = "";
          }}
        />
        <p id={hintId} className="field-hint">
          {t("preview.upload.hint")}
        </p>
      </div>
      {upload.state === "sending" ? (
        <div className="upload-progress">
          <label htmlFor={`${hintId}-bar`}>{t("preview.upload.progress", { name: upload.name })}</label>
          <progress id={`${hintId}-bar`} max={1} value={upload.fraction} />
        </div>
      ) : upload.state === "done" ? (
        <p className="field-ok" role="status">
          {t("preview.upload.done", { name: upload.name })}
        </p>
      ) : upload.state === "failed" ? (
        <p className="field-error" role="alert">
          {t("preview.upload.failed", { name: upload.name, message: upload.message })}
        </p>
      ) : null}
    </div>
  );
}
