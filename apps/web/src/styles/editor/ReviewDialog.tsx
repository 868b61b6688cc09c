import type { MessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { diffContent } from "../../lib/content-diff.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { DiffView } from "./DiffView.tsx";

export const categoryKey: Record<string, MessageKey> = {
  image: "editor.category.image",
  document: "editor.category.document",
  video: "editor.category.video",
};

/** Before an edit is saved: what changes, operation by operation. Ctrl/Cmd+S here confirms. */
export function ReviewDialog(props: {
  open: boolean;
  name: string;
  before: { content: string; category: string };
  after: { content: string; category: string };
  saving: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { before, after } = props;
  const label = (c: string) => (categoryKey[c] ? t(categoryKey[c]) : c);
  return (
    <Dialog
      open={props.open}
      wide
      title={t("diff.title", { name: props.name })}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" className="button" onClick={props.onClose}>
            {t("diff.back")}
          </button>
          <button
            type="button"
            className="button button-primary"
            data-autofocus
            disabled={props.saving}
            onClick={props.onConfirm}
          >
            {props.saving ? t("editor.saving") : t("diff.confirm")}
          </button>
        </>
      }
    >
      <p>{t("diff.lead")}</p>
      <DiffView
        entries={diffContent(before.content, after.content)}
        label={t("diff.title", { name: props.name })}
      />
      {before.category !== after.category ? (
        <p className="diff-category">
          {t("diff.category", { before: label(before.category), after: label(after.category) })}
        </p>
      ) : null}
    </Dialog>
  );
}
