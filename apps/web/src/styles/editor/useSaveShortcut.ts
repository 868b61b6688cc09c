import { useEffect, useRef } from "react";

/**
 * Ctrl+S (Cmd+S on a Mac) runs `save` while the editor is open, wherever the focus is. The browser's
 * "save page" is never what the operator means here. The latest `save` is read through a ref, so the
 * listener is attached once.
 */
export function useSaveShortcut(save: () => void): void {
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
