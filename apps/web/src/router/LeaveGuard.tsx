import { useBlocker } from "@tanstack/react-router";
import { useRef } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Dialog } from "../ui/Dialog.tsx";

/**
 * Never lose work: while `dirty` is true, leaving the screen in the app (a link, the bucket picker,
 * back/forward) asks first, and closing or reloading the tab gets the browser's own "leave site?"
 * prompt. Navigations that carry `ignoreBlocker: true` (after a successful save) pass.
 *
 * Render the returned element anywhere in the screen; it is the confirmation dialog.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useI18n();
  // Read at navigation time, so a save that clears `dirty` and navigates in the same tick is not blocked.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const blocker = useBlocker({
    shouldBlockFn: () => dirtyRef.current,
    enableBeforeUnload: () => dirtyRef.current,
    withResolver: true,
  });
  const open = blocker.status === "blocked";
  return (
    <Dialog
      open={open}
      title={t("leave.title")}
      onClose={() => blocker.reset?.()}
      actions={
        <>
          <button type="button" className="button" data-autofocus onClick={() => blocker.reset?.()}>
            {t("leave.stay")}
          </button>
          <button type="button" className="button button-danger" onClick={() => blocker.proceed?.()}>
            {t("leave.discard")}
          </button>
        </>
      }
    >
      <p>{t("leave.body")}</p>
    </Dialog>
  );
}
