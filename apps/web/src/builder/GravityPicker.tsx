import type { Gravity } from "@style-console/imgproc/syntax";
import { type KeyboardEvent, useRef } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

const CELLS: readonly Gravity[] = ["nw", "north", "ne", "west", "center", "east", "sw", "south", "se"];

/**
 * The nine anchor cells as a 3×3 radio group: one tab stop, arrow keys move in two dimensions (as the
 * ARIA radio group pattern does in one), Space/click chooses.
 */
export function GravityPicker({
  label,
  value,
  fallback,
  onChange,
}: {
  label: string;
  value: Gravity | undefined;
  /** The default OSS applies when unset, shown as chosen but dimmed. */
  fallback: Gravity;
  onChange: (value: Gravity) => void;
}) {
  const { t } = useI18n();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const current = value ?? fallback;
  const onKey = (event: KeyboardEvent, index: number) => {
    const delta = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -3, ArrowDown: 3 }[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const next = (index + delta + 9) % 9;
    const cell = CELLS[next];
    if (!cell) return;
    onChange(cell);
    refs.current[next]?.focus();
  };
  return (
    <div className="gravity" role="radiogroup" aria-label={label}>
      {CELLS.map((cell, i) => (
        // biome-ignore lint/a11y/useSemanticElements: a 3×3 grid needs two-dimensional arrow keys, which native radios (one dimension) lack
        <button
          key={cell}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={current === cell}
          aria-label={t(`gravity.${cell}`)}
          title={t(`gravity.${cell}`)}
          tabIndex={current === cell ? 0 : -1}
          className={
            value === undefined && current === cell ? "gravity-cell gravity-default" : "gravity-cell"
          }
          onClick={() => onChange(cell)}
          onKeyDown={(e) => onKey(e, i)}
        >
          <span className="gravity-dot" aria-hidden="true" />
        </button>
      ))}
    </div>
  );
}
