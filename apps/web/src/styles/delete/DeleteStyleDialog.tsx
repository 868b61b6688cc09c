import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Dialog } from "../../ui/Dialog.tsx";

/** Asks before deleting, naming the style and what breaks (URLs using it answer NoSuchStyle). */
export function DeleteStyleDialog({
  name,
  onConfirm,
  onClose,
}: {
  name: string | null;
  onConfirm: (name: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      open={name !== null}
      title={t("delete.title", { name: name ?? "" })}
      onClose={onClose}
      actions={
        <>
          {/* Cancel first and focused: the safe choice is the default one. */}
          <button type="button" className="button" data-autofocus onClick={onClose}>
            {t("delete.cancel")}
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              if (name) onConfirm(name);
            }}
          >
            {t("delete.confirm", { name: name ?? "" })}
          </button>
        </>
      }
    >
      <p>{t("delete.body", { name: name ?? "" })}</p>
      <p>{t("delete.restorable")}</p>
    </Dialog>
  );
}
