import {
  OPERATION_NAMES,
  type Operation,
  type OperationName,
  parseProcess,
} from "@style-console/imgproc/syntax";
import { useId, useMemo, useRef, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { opTitleKey } from "./labels.ts";
import { cardIssues, contentOf, move, newOperation, viewOf } from "./model.ts";
import { OperationCard } from "./OperationCard.tsx";

const CANNOT = {
  errors: "builder.cannot.errors",
  reference: "builder.cannot.reference",
  jd: "builder.cannot.jd",
  other: "builder.cannot.other",
} as const;

/**
 * The visual builder: the content's operations as cards. The code is the one source of truth; the
 * builder reads it on every change and writes it back (canonical) on every edit of its own. A content
 * it cannot show is left alone, with the reason: for errors the last valid chain stays visible,
 * disabled; for another kind of content (a reference, JD syntax) no cards are shown. Its own half-typed edits (a cleared width) stay editable.
 */
export function Builder({ content, onChange }: { content: string; onChange: (content: string) => void }) {
  const { t } = useI18n();
  const view = useMemo(() => viewOf(content), [content]);
  const emitted = useRef<string | null>(null);
  const lastOps = useRef<Operation[]>([]);
  if (view.ok) lastOps.current = view.operations;
  const editable = view.ok || content === emitted.current;
  // Errors in the chain being edited: its last valid cards stay (greyed) so nothing seems lost. A
  // different kind of content (JD syntax, a reference) is not that chain: showing it would mislead.
  const stale = !view.ok && view.reason !== "errors" && !editable;
  if (stale) lastOps.current = [];
  const operations = lastOps.current;
  // The builder's own edit made the code invalid (a width out of range…): say so on the card and field.
  const issues = useMemo(() => {
    if (view.ok || content !== emitted.current) return [];
    const parsed = parseProcess(content);
    return parsed.ok ? [] : cardIssues(operations, parsed.errors);
  }, [view.ok, content, operations]);
  const [adding, setAdding] = useState<OperationName>("resize");
  const [dragging, setDragging] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const addId = useId();

  const commit = (next: Operation[]) => {
    const text = contentOf(next);
    emitted.current = text;
    lastOps.current = next;
    onChange(text);
  };
  const moveOp = (from: number, to: number) => {
    if (to < 0 || to >= operations.length || from === to) return;
    const op = operations[from];
    commit(move(operations, from, to));
    if (op) setAnnouncement(t("builder.moved", { op: t(opTitleKey(op.op)), index: to + 1 }));
    // Keep the keyboard on the card that moved: focus follows it to its new place.
    requestAnimationFrame(() => {
      const card = document.querySelectorAll<HTMLElement>(".builder-card")[to];
      const buttons = [...(card?.querySelectorAll<HTMLButtonElement>(".builder-card-actions button") ?? [])];
      const preferred = to < from ? buttons[0] : buttons[1];
      (preferred && !preferred.disabled ? preferred : buttons.find((b) => !b.disabled))?.focus();
    });
  };

  return (
    <section className="card builder" aria-labelledby="builder-title">
      <h2 id="builder-title" className="card-title">
        {t("builder.title")}
      </h2>
      <p className="field-hint builder-lead">{t("builder.lead")}</p>
      {!editable && !view.ok ? (
        <p className="notice builder-notice" role="status">
          {t(CANNOT[view.reason])}
        </p>
      ) : null}
      <fieldset className="builder-body" disabled={!editable}>
        <legend className="visually-hidden">{t("builder.title")}</legend>
        {operations.length === 0 ? (
          stale ? null : (
            <p className="muted">{t("builder.empty")}</p>
          )
        ) : (
          <ol className="builder-list">
            {operations.map((op, index) => (
              <OperationCard
                // Operations have no identity but their place; the index is what moves mean.
                key={`${index}-${op.op}`}
                op={op}
                issues={issues.filter((i) => i.card === index)}
                onChange={(next) => commit(operations.map((o, i) => (i === index ? next : o)))}
                moves={{
                  index,
                  count: operations.length,
                  move: moveOp,
                  remove: (i) => commit(operations.filter((_, j) => j !== i)),
                  dragging,
                  setDragging,
                }}
              />
            ))}
          </ol>
        )}
        <div className="builder-add">
          <label htmlFor={addId} className="inline-label">
            {t("builder.addWhich")}
          </label>
          <select id={addId} value={adding} onChange={(e) => setAdding(e.target.value as OperationName)}>
            {OPERATION_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(opTitleKey(name))} ({name})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-small"
            onClick={() => commit([...operations, newOperation(adding)])}
          >
            {t("builder.add")}
          </button>
        </div>
      </fieldset>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
