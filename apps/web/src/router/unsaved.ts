import { useSyncExternalStore } from "react";

/**
 * Whether some screen holds unsaved work right now, for ways out that are not navigations (signing
 * out): `LeaveGuard` reports its `dirty` here, and the sign-out button asks first when it is set.
 */
let dirtyScreens = 0;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

/** Marks one screen dirty; returns the function that clears it again. */
export function holdUnsavedWork(): () => void {
  dirtyScreens += 1;
  notify();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    dirtyScreens -= 1;
    notify();
  };
}

export const hasUnsavedWork = () => dirtyScreens > 0;

/** True while any screen holds unsaved work. */
export function useUnsavedWork(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hasUnsavedWork,
    hasUnsavedWork,
  );
}
