/**
 * Keeps an unsaved edit of a style in `localStorage`, so a reload, a crash or a closed tab never loses
 * it: the editor offers it back the next time the same style (or a new style of the same bucket) is
 * opened. One entry per bucket and style; saving or discarding removes it.
 */
export interface UnsavedEdit {
  name: string;
  content: string;
  category: string;
  /** The lastModifyTime of the version being edited (null for a new style). */
  baseLastModifyTime: string | null;
  /** ISO time of the last keystroke kept. */
  savedAt: string;
}

const PREFIX = "style-console.unsaved:";

/** The storage key of an edit: a new style has one slot per bucket. */
export const autosaveKey = (bucket: string, name: string | null) =>
  `${PREFIX}${bucket}/${name ?? "\u0000new"}`;

function isEdit(value: unknown): value is UnsavedEdit {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === "string" &&
    typeof v.content === "string" &&
    typeof v.category === "string" &&
    (v.baseLastModifyTime === null || typeof v.baseLastModifyTime === "string") &&
    typeof v.savedAt === "string"
  );
}

/** The kept edit, if any (garbage in storage reads as none). */
export function readUnsaved(key: string, storage: Storage = localStorage): UnsavedEdit | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? "null");
    return isEdit(value) ? value : null;
  } catch {
    return null;
  }
}

export function keepUnsaved(key: string, edit: UnsavedEdit, storage: Storage = localStorage): void {
  try {
    storage.setItem(key, JSON.stringify(edit));
  } catch {
    // Storage full or off (private mode): the leave prompt still guards the edit.
  }
}

export function forgetUnsaved(key: string, storage: Storage = localStorage): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do.
  }
}
