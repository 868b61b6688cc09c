import { useRef } from "react";
import { underlineRuns } from "../../lib/underline.ts";
import { classify, piecesOf } from "./highlight.ts";
import type { PositionedIssue } from "./validation.ts";

interface ContentEditorProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  issues: PositionedIssue[];
  describedBy: string;
  invalid: boolean;
}

/**
 * A plain `<textarea>` (so typing, selection, undo, IME and screen readers behave natively) whose text
 * is transparent, over a mirror `<div>` with the same font and wrapping that draws the colours and the
 * wavy underline under each error. Only the textarea is in the accessibility tree.
 */
export function ContentEditor({ id, value, onChange, issues, describedBy, invalid }: ContentEditorProps) {
  const mirror = useRef<HTMLDivElement>(null);
  const pieces = piecesOf(underlineRuns(value, issues), classify(value));
  return (
    <div className="code-editor">
      <div className="code-mirror" ref={mirror} aria-hidden="true">
        {pieces.map((piece, i) =>
          "caret" in piece ? (
            <span key={i} className="code-caret" data-issue={piece.caret} />
          ) : (
            <span
              key={i}
              className={piece.issue === undefined ? `tok-${piece.cls}` : `tok-${piece.cls} code-error`}
              data-issue={piece.issue}
            >
              {piece.text}
            </span>
          ),
        )}
        {/* A trailing newline in a textarea takes a line; the mirror needs a character to match. */}
        {"\u200b"}
      </div>
      <textarea
        id={id}
        className="code-input"
        value={value}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        rows={3}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}
