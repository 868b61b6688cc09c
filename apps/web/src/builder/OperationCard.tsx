import type { Operation, ParamSpec } from "@style-console/imgproc/syntax";
import { type DragEvent, type KeyboardEvent, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { syntaxMessage } from "../i18n/syntax-messages.ts";
import { opTitleKey } from "./labels.ts";
import { type CardIssue, paramGroups, withParam } from "./model.ts";
import { ParamField } from "./ParamField.tsx";

export interface CardMoves {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  dragging: number | null;
  setDragging: (index: number | null) => void;
}

/**
 * One operation: its title, move up/down (also Alt+↑/↓ anywhere in the card), remove, a drag handle,
 * and the form of its parameters generated from the catalogue.
 */
export function OperationCard({
  op,
  issues,
  onChange,
  moves,
}: {
  op: Operation;
  issues: CardIssue[];
  onChange: (op: Operation) => void;
  moves: CardMoves;
}) {
  const { t, locale } = useI18n();
  const { index, count, move, remove, dragging, setDragging } = moves;
  const title = t(opTitleKey(op.op));
  const groups = paramGroups(op);
  // Open once if the operation arrived with a folded parameter set; afterwards the operator decides.
  const [moreOpen] = useState(groups.moreSet);
  const shown = new Set([...groups.main, ...groups.more].map((p) => p.name));
  const fieldError = (name: string) => {
    const issue = issues.find((i) => i.parameter === name)?.issue;
    return issue ? syntaxMessage(issue, locale) : undefined;
  };
  const fields = (specs: readonly ParamSpec[]) => (
    <div className="builder-params">
      {specs.map((spec) => (
        <ParamField
          key={spec.name}
          op={op}
          spec={spec}
          error={fieldError(spec.name)}
          onChange={(value) => onChange(withParam(op, spec.name, value))}
        />
      ))}
    </div>
  );
  // Errors about the operation as a whole (a missing "one of w, h…") or a parameter without a field.
  const cardErrors = issues.filter((i) => i.parameter === undefined || !shown.has(i.parameter));
  const name = t("builder.card", { index: index + 1, op: title });
  const onKey = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    move(index, index + (event.key === "ArrowUp" ? -1 : 1));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    if (dragging !== null && dragging !== index) move(dragging, index);
    setDragging(null);
  };
  return (
    <li
      className={dragging === index ? "builder-card builder-card-dragging" : "builder-card"}
      onKeyDown={onKey}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <fieldset className="builder-fieldset">
        <legend className="visually-hidden">{name}</legend>
        <div className="builder-card-head">
          <span
            className="drag-handle"
            draggable
            title={t("builder.drag", { op: title })}
            aria-hidden="true"
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", String(index));
              setDragging(index);
            }}
            onDragEnd={() => setDragging(null)}
          >
            ⠿
          </span>
          <span className="builder-card-index">{index + 1}</span>
          <span className="builder-card-title">{title}</span>
          <code className="builder-card-code">{op.op}</code>
          <span className="builder-card-actions">
            <button
              type="button"
              className="icon-button"
              aria-label={t("builder.moveUp", { op: title })}
              disabled={index === 0}
              onClick={() => move(index, index - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t("builder.moveDown", { op: title })}
              disabled={index === count - 1}
              onClick={() => move(index, index + 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="icon-button icon-danger"
              aria-label={t("builder.remove", { op: title })}
              onClick={() => remove(index)}
            >
              ×
            </button>
          </span>
        </div>
        {cardErrors.length > 0 ? (
          <ul className="issue-list builder-card-errors">
            {cardErrors.map((i) => (
              <li key={`${i.issue.offset}-${i.issue.code}`} className="field-error">
                {syntaxMessage(i.issue, locale)}
              </li>
            ))}
          </ul>
        ) : null}
        {groups.main.length > 0 ? fields(groups.main) : null}
        {groups.more.length > 0 ? (
          <details className="builder-more" open={moreOpen}>
            <summary>{t("builder.more")}</summary>
            {fields(groups.more)}
          </details>
        ) : null}
      </fieldset>
    </li>
  );
}
