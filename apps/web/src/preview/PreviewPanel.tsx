import { parseProcess } from "@style-console/imgproc/syntax";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { samplesQuery } from "../api/preview.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { BeforeAfter } from "./BeforeAfter.tsx";
import { allowEnlarging, keptByNoEnlarge } from "./enlarge.ts";
import { formatBytes } from "./facts.ts";
import { ParityCheck } from "./ParityCheck.tsx";
import { PreviewFigure, type Zoom } from "./PreviewFigure.tsx";
import { SampleGrid } from "./SampleGrid.tsx";
import { SourcePicker } from "./SourcePicker.tsx";
import { type PreviewSource, previewUrl, rememberedSource, rememberSource } from "./source.ts";
import { usePreview } from "./usePreview.ts";

type Layout = "side" | "slider";

/** A draft worth sending: anything the parser accepts (a `style/…` reference and JD `img/…` too). */
function renderable(content: string): boolean {
  return parseProcess(content).ok;
}

/** A sensible first source: a real 6 MP photo (it still renders in well under 100 ms). */
const PREFERRED_SAMPLE = "2569067123_aca715a2ee_o";

/**
 * The editor's live preview: the draft rendered by the BFF exactly as OSS would serve it, beside the
 * original (or, in compare mode, beside the saved version), with the output's facts.
 */
export function PreviewPanel({
  bucket,
  content,
  saved,
  onContentChange,
}: {
  bucket: string;
  content: string;
  /** Lets the preview offer a fix in the content (add limit_0); absent: it only explains. */
  onContentChange?: (content: string) => void;
  /** The saved version's content when editing an existing style. */
  saved: string | null;
}) {
  const { t, locale } = useI18n();
  const [source, setSource] = useState<PreviewSource | null>(rememberedSource);
  const [layout, setLayout] = useState<Layout>("side");
  const [zoom, setZoom] = useState<Zoom>("fit");
  const [comparing, setComparing] = useState(false);
  const [grid, setGrid] = useState(false);
  const samples = useQuery(samplesQuery());

  // No source yet, or a remembered upload that is gone: start on a built-in sample.
  useEffect(() => {
    const list = samples.data;
    if (!list || list.length === 0) return;
    if (source?.kind === "object") return;
    if (source && list.some((s) => s.id === source.id)) return;
    const first = list.find((s) => s.id === PREFERRED_SAMPLE) ?? list[0];
    if (first) setSource({ kind: "sample", id: first.id });
  }, [samples.data, source]);

  const pick = (next: PreviewSource) => {
    setSource(next);
    rememberSource(next);
  };

  const valid = useMemo(() => renderable(content), [content]);
  const draftUrl = source && valid ? previewUrl(source, content, bucket) : null;
  const draft = usePreview(draftUrl);
  const original = usePreview(source ? previewUrl(source, "", bucket) : null);
  const compareOn = comparing && saved !== null;
  const savedPreview = usePreview(source && compareOn ? previewUrl(source, saved, bucket) : null);

  const facts = draft.shown?.facts;
  // Screen readers hear each new result once, briefly; the figure holds the details.
  const announcement = facts
    ? t("preview.announce", {
        width: facts.width,
        height: facts.height,
        format: facts.format.toUpperCase(),
        bytes: formatBytes(facts.bytes, locale),
      })
    : "";
  // OSS's "never enlarge": a larger target without limit_0 returns the image as it was. Say so, or
  // the result silently looks like the original.
  const originalFacts = original.shown?.facts;
  const kept =
    facts && originalFacts && draft.shownUrl === draftUrl && facts.format !== "json"
      ? keptByNoEnlarge(content, facts, originalFacts)
      : null;
  const note = kept
    ? t("preview.keptSize", { asked: kept, width: facts?.width ?? 0, height: facts?.height ?? 0 })
    : null;
  const enlarged = kept && onContentChange ? allowEnlarging(content) : null;
  const noteAction =
    enlarged && onContentChange
      ? { label: t("preview.allowEnlarging"), run: () => onContentChange(enlarged) }
      : null;
  const sourceName = source ? (source.kind === "sample" ? source.id : source.key) : "";
  const other = compareOn ? savedPreview : original;

  return (
    <section className="card preview-panel" aria-labelledby="preview-title">
      <div className="preview-head">
        <h2 id="preview-title" className="card-title">
          {t("preview.title")}
        </h2>
        {saved !== null ? (
          <button
            type="button"
            className="button button-small"
            aria-pressed={compareOn}
            onClick={() => setComparing((c) => !c)}
          >
            {t("compare.show")}
          </button>
        ) : null}
      </div>
      <SourcePicker bucket={bucket} source={source} onChange={pick} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      <div className="preview-controls">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t("preview.layout")}</legend>
          {(["side", "slider"] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="segment"
              aria-pressed={layout === value}
              disabled={compareOn && value === "slider"}
              onClick={() => setLayout(value)}
            >
              {t(value === "side" ? "preview.layout.side" : "preview.layout.slider")}
            </button>
          ))}
        </fieldset>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t("preview.zoom")}</legend>
          {(["fit", "actual"] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="segment"
              aria-pressed={zoom === value}
              onClick={() => setZoom(value)}
            >
              {t(value === "fit" ? "preview.zoom.fit" : "preview.zoom.actual")}
            </button>
          ))}
        </fieldset>
      </div>

      {!valid && content.trim() !== "" ? (
        <p className="notice preview-stale" role="status">
          {t("preview.stale")}
        </p>
      ) : null}
      {!source ? (
        <p className="muted">{samples.data?.length === 0 ? t("preview.noSamples") : t("preview.empty")}</p>
      ) : layout === "slider" && !compareOn ? (
        <>
          <BeforeAfter
            result={draft}
            original={original}
            alt={t("preview.resultAlt", { source: sourceName })}
          />
          <PreviewFigure
            title={t("preview.result")}
            alt={t("preview.resultAlt", { source: sourceName })}
            state={draft}
            zoom={zoom}
            original={original.shown?.facts ?? null}
            image={false}
            note={note}
            noteAction={noteAction}
          />
        </>
      ) : (
        <div className="preview-pair">
          <PreviewFigure
            title={compareOn ? t("compare.draft") : t("preview.result")}
            alt={t("preview.resultAlt", { source: sourceName })}
            state={draft}
            zoom={zoom}
            original={original.shown?.facts ?? null}
            note={note}
            noteAction={noteAction}
          />
          <PreviewFigure
            title={compareOn ? t("compare.saved") : t("preview.original")}
            alt={compareOn ? t("compare.saved") : t("preview.originalAlt", { source: sourceName })}
            state={other}
            zoom={zoom}
            original={compareOn ? (original.shown?.facts ?? null) : null}
          />
        </div>
      )}
      {source?.kind === "object" && valid ? (
        <ParityCheck source={source} process={content} bucket={bucket} />
      ) : null}
      <div className="grid-toggle">
        <button
          type="button"
          className="button button-small"
          aria-pressed={grid}
          onClick={() => setGrid((g) => !g)}
        >
          {t("grid.show")}
        </button>
      </div>
      {grid && valid && samples.data ? (
        <SampleGrid
          samples={samples.data.filter((s) => s.kind === "builtin")}
          content={content}
          bucket={bucket}
        />
      ) : null}
      {compareOn && saved === content ? <p className="muted">{t("compare.same")}</p> : null}
    </section>
  );
}
