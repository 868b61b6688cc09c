import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

type Tone = "success" | "error";
interface Toast {
  id: number;
  tone: Tone;
  text: string;
}

const ToastContext = createContext<(tone: Tone, text: string) => void>(() => {});

/** Short confirmations in a polite live region, so screen readers hear "Saved thumb." too. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (tone: Tone, text: string) => {
      const id = Date.now() + Math.random();
      setToasts((list) => [...list.slice(-2), { id, tone, text }]);
      // Errors stay until dismissed: the operator may need to read or copy them.
      if (tone === "success") setTimeout(() => dismiss(id), 5000);
    },
    [dismiss],
  );
  const value = useMemo(() => push, [push]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section className="toasts" aria-label={t("toast.region")} aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`} role="status">
            <span>{toast.text}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t("toast.dismiss")}
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
