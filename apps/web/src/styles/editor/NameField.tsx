import { type Ref, useId } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * The style's name: editable for a new style, read-only when editing (OSS has no rename). `problem` is
 * the message to show when `show` is on (after typing or a save attempt); otherwise the hint shows.
 */
export function NameField({
  value,
  readOnly,
  problem,
  show,
  inputRef,
  onChange,
}: {
  value: string;
  readOnly: boolean;
  problem: string | null;
  show: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (name: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const messageId = useId();
  const failing = show && problem !== null;
  return (
    <div className="field">
      <label htmlFor={id}>{t("editor.name")}</label>
      <input
        id={id}
        ref={inputRef}
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        autoComplete="off"
        maxLength={200}
        aria-invalid={failing}
        aria-describedby={messageId}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={messageId} className={failing ? "field-error" : "field-hint"}>
        {failing ? problem : t("editor.nameHint")}
      </p>
    </div>
  );
}
