import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, LogOut, Monitor, Moon, Sun, UserRound } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { keys } from "../api/keys.ts";
import { signOut } from "../api/session.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { type Locale, localeNames, locales } from "../i18n/translate.ts";
import { hasUnsavedWork } from "../router/unsaved.ts";
import { signedInHint } from "../session/fragment.ts";
import { applyTheme, storedTheme, type Theme } from "../theme/theme.ts";
import { Dialog } from "../ui/Dialog.tsx";

const themeIcons = { light: Sun, dark: Moon, system: Monitor } as const;

/**
 * The person menu at the right of the header: language, theme (light, dark, system) and sign out.
 * A disclosure (button + panel): Escape or a click outside closes it and focus returns to the button.
 */
export function PersonMenu() {
  const { t, locale, setLocale } = useI18n();
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const client = useQueryClient();
  // Signing out is not a navigation, so the router's blocker cannot see it: unsaved work asks here.
  const [asking, setAsking] = useState(false);
  const mutation = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      signedInHint.set(false);
      // The session query flips first (its observer shows the sign-in screen), then nothing else of the
      // last session stays in memory for the next person at this browser.
      client.setQueryData(keys.session(), null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== keys.session()[0] });
    },
  });

  useEffect(() => {
    if (!open) return;
    const onDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div className="person-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button-quiet person-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <UserRound aria-hidden="true" size={18} />
        <span>{t("menu.account")}</span>
        <ChevronDown aria-hidden="true" size={16} />
      </button>
      <div id={panelId} className="person-panel" hidden={!open}>
        <label className="menu-field">
          <span>{t("header.language")}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {locales.map((l) => (
              <option key={l} value={l} lang={l}>
                {localeNames[l]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="menu-field theme-choice">
          <legend>{t("menu.theme")}</legend>
          {(["light", "dark", "system"] as const).map((choice) => {
            const Icon = themeIcons[choice];
            return (
              <label key={choice} className="theme-option">
                <input
                  type="radio"
                  name={`${panelId}-theme`}
                  value={choice}
                  checked={theme === choice}
                  onChange={() => {
                    setTheme(choice);
                    applyTheme(choice);
                  }}
                />
                <Icon aria-hidden="true" size={16} />
                <span>{t(`menu.theme.${choice}`)}</span>
              </label>
            );
          })}
        </fieldset>
        <button
          type="button"
          className="button button-quiet menu-signout"
          onClick={() => (hasUnsavedWork() ? setAsking(true) : mutation.mutate())}
        >
          <LogOut aria-hidden="true" size={16} />
          {t("header.signOut")}
        </button>
      </div>
      <Dialog
        open={asking}
        title={t("leave.title")}
        onClose={() => setAsking(false)}
        actions={
          <>
            <button type="button" className="button" data-autofocus onClick={() => setAsking(false)}>
              {t("leave.stay")}
            </button>
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                setAsking(false);
                mutation.mutate();
              }}
            >
              {t("leave.discard")}
            </button>
          </>
        }
      >
        <p>{t("leave.body")}</p>
      </Dialog>
    </div>
  );
}
