import type { Gravity, Operation, ParamSpec } from "@style-console/imgproc/syntax";
import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { GravityPicker } from "./GravityPicker.tsx";
import { paramLabelKey } from "./labels.ts";
import { paramValue, parseField } from "./model.ts";

const MODE_KEYS = {
  lfit: "mode.lfit",
  mfit: "mode.mfit",
  fill: "mode.fill",
  pad: "mode.pad",
  fixed: "mode.fixed",
} as const;

/**
 * One parameter's control, chosen by its catalogue type: a number input with the range, a select for
 * modes and enums, a checkbox for on/off flags, the 3×3 picker for gravity, a colour input, text.
 */
export function ParamField({
  op,
  spec,
  error,
  onChange,
}: {
  op: Operation;
  spec: ParamSpec;
  /** The parser's message when this field's value makes the code invalid. */
  error?: string | undefined;
  onChange: (value: string | number | undefined) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const label = t(paramLabelKey(op.op, spec.name));
  const value = paramValue(op, spec.name);
  const type = spec.type;
  const hint =
    type.kind === "int"
      ? t("builder.range", { min: type.min, max: type.max }) +
        (spec.default !== undefined ? ` · ${t("builder.default", { value: spec.default })}` : "")
      : spec.default !== undefined
        ? t("builder.default", { value: spec.default })
        : "";
  const set = (text: string) => onChange(parseField(spec, text));

  if (spec.name === "g" && type.kind === "enum" && type.values.includes("center")) {
    return (
      <div className="param param-gravity" title={spec.description}>
        <span className="param-label">{label}</span>
        <GravityPicker
          label={label}
          value={value as Gravity | undefined}
          fallback={(spec.default as Gravity | undefined) ?? "nw"}
          onChange={onChange}
        />
      </div>
    );
  }
  if (type.kind === "flag" && type.values.length === 2) {
    const on = (value ?? spec.default) === 1;
    return (
      <div className="param param-check" title={spec.description}>
        <input id={id} type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked ? 1 : 0)} />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }

  let control: React.ReactNode;
  const common = {
    id,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    "aria-invalid": error ? true : undefined,
  };
  if (type.kind === "int") {
    control = (
      <input
        {...common}
        type="number"
        inputMode="numeric"
        min={type.min}
        max={type.max}
        step={1}
        value={value ?? ""}
        placeholder={spec.default !== undefined ? String(spec.default) : ""}
        onChange={(e) => set(e.target.value)}
      />
    );
  } else if (type.kind === "color") {
    const hex = String(value ?? spec.default ?? "000000").toLowerCase();
    control = <input {...common} type="color" value={`#${hex}`} onChange={(e) => set(e.target.value)} />;
  } else if (type.kind === "enum" || type.kind === "flag" || (type.kind === "base64" && type.values)) {
    const values: readonly (string | number)[] = type.values ?? [];
    control = (
      <select {...common} value={value ?? ""} onChange={(e) => set(e.target.value)}>
        {spec.required ? null : <option value="">{t("builder.unset")}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {spec.name === "m" && v in MODE_KEYS ? t(MODE_KEYS[v as keyof typeof MODE_KEYS]) : v}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        value={value ?? ""}
        maxLength={type.kind === "base64" ? type.maxChars : undefined}
        spellCheck={false}
        onChange={(e) => set(e.target.value)}
      />
    );
  }
  return (
    <div
      className={type.kind === "base64" && !type.values ? "param param-wide" : "param"}
      title={spec.description}
    >
      <label htmlFor={id} className="param-label">
        {label}
      </label>
      {control}
      {error ? (
        <span id={`${id}-error`} className="param-error">
          {error}
        </span>
      ) : hint ? (
        <span id={`${id}-hint`} className="param-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
