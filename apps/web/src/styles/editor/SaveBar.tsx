import type { ReactNode } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { Verdict } from "../../session/can.ts";
import { Permitted } from "../../session/Permitted.tsx";
import "./save-bar.css";

/**
 * The editor's save bar: the form's submit button (outside the form, tied to it by `form`), the draft
 * actions (and deleting the draft being edited), the way out and the shortcut hint. It sticks to the bottom of the window while the editor is
 * on screen, so saving stays one tap away on a phone however far the preview and builder scroll.
 */
export function SaveBar({
  formId,
  label,
  busy,
  verdict,
  notice,
  drafts,
  deleteDraft,
  cancel,
}: {
  formId: string;
  /** The submit button's text: "Save", "Review changes", "Request review" (review required) or "Saving…". */
  label: string;
  busy: boolean;
  /** Whether the person may submit (the reason shows beside the disabled button when not). */
  verdict: Verdict;
  /** A line above the buttons, for example that the bucket requires review. */
  notice?: ReactNode;
  /** The draft actions ("Save as draft", "Request review"). */
  drafts?: ReactNode;
  /** "Delete draft", while the editor holds a draft saved on the server. */
  deleteDraft?: ReactNode;
  /** The way out (a link back to the list). */
  cancel: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="save-bar" data-testid="save-bar">
      {notice ? <p className="save-bar-notice">{notice}</p> : null}
      <div className="save-bar-actions">
        <Permitted verdict={verdict}>
          {(refused) => (
            <button
              type="submit"
              form={formId}
              className="button button-primary"
              disabled={busy}
              {...refused}
            >
              {label}
            </button>
          )}
        </Permitted>
        {drafts}
        {deleteDraft}
        {cancel}
        <span className="shortcut-hint">{t("editor.saveShortcut")}</span>
      </div>
    </div>
  );
}
