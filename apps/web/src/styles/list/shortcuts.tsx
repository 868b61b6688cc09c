import { useEffect, useRef } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Dialog } from "../../ui/Dialog.tsx";

interface Actions {
  search: () => void;
  create: () => void;
  escape: () => void;
  help: () => void;
}

/** Whether a key press belongs to a text field or a dialog (then the list's shortcuts stay out of it). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("dialog[open]")) return true;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** The list's keys: `/` search, `n` new style, `Esc` clear or leave the search, `?` this list. */
export function useListShortcuts(actions: Actions) {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "Escape" && (event.target as HTMLElement | null)?.tagName === "INPUT") {
        latest.current.escape();
        return;
      }
      if (isTyping(event.target)) return;
      const action = { "/": "search", n: "create", "?": "help" }[event.key] as keyof Actions | undefined;
      if (!action) return;
      event.preventDefault();
      latest.current[action]();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const rows = [
    ["/", t("shortcuts.search")],
    ["n", t("shortcuts.new")],
    ["Esc", t("shortcuts.escape")],
    ["?", t("shortcuts.help")],
  ] as const;
  return (
    <Dialog
      open={open}
      title={t("shortcuts.title")}
      onClose={onClose}
      actions={
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t("shortcuts.close")}
        </button>
      }
    >
      <dl className="shortcut-list">
        {rows.map(([key, text]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
