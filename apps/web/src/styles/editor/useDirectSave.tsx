import { type ReactNode, useState } from "react";
import { asCategory, type Category, type Style } from "../../api/styles.ts";
import { ConflictDialog } from "./ConflictDialog.tsx";
import { ReviewDialog } from "./ReviewDialog.tsx";
import { useSaveStyle } from "./useSaveStyle.ts";

/**
 * The editor's direct save to OSS: a new style is created at once; an edit is shown as a diff first
 * (`reviewing`), then written guarded by the version it started from (`base`). A 409 opens the conflict
 * dialog (keep mine: save over theirs; take theirs: `onTakeTheirs` loads it into the form); a 404
 * (`gone`: deleted meanwhile) makes the next save recreate the style. `dialogs` renders both dialogs.
 */
export function useDirectSave(
  bucket: string,
  options: {
    initial: Style | null;
    edit: { name: string; content: string; category: Category };
    onNameTaken: () => void;
    onTakeTheirs: (theirs: Style) => void;
  },
) {
  const { initial, edit } = options;
  const [base, setBase] = useState(initial);
  const [reviewing, setReviewing] = useState(false);
  const [conflict, setConflict] = useState<Style | null>(null);
  const [gone, setGone] = useState(false);
  const { create, update } = useSaveStyle(bucket, {
    onNameTaken: options.onNameTaken,
    onConflict: (theirs) => {
      setReviewing(false);
      setConflict(theirs);
    },
    onGone: () => {
      setReviewing(false);
      setGone(true);
    },
  });

  const updateNow = (expected: string | undefined) =>
    update.mutate({ ...edit, ...(expected ? { expectedLastModifyTime: expected } : {}) });
  // Deleted by someone else meanwhile: saving again recreates it (a PUT would answer 404 again).
  const saveEdit = () => (gone ? create.mutate(edit) : updateNow(base?.lastModifyTime));
  /** The form's save: create a new style, or review an edit's diff, then (confirmed) write it. */
  const save = () => {
    if (initial === null) return create.mutate(edit);
    if (reviewing) return saveEdit();
    setReviewing(true);
  };

  const dialogs: ReactNode = (
    <>
      {initial !== null && base ? (
        <ReviewDialog
          open={reviewing}
          name={edit.name}
          before={{ content: base.content, category: asCategory(base.category) }}
          after={{ content: edit.content, category: edit.category }}
          saving={update.isPending}
          onConfirm={saveEdit}
          onClose={() => setReviewing(false)}
        />
      ) : null}
      <ConflictDialog
        theirs={conflict}
        mine={{ name: edit.name, content: edit.content }}
        saving={update.isPending}
        onClose={() => setConflict(null)}
        onKeepMine={() => {
          const theirs = conflict;
          setConflict(null);
          if (theirs) {
            setBase(theirs);
            updateNow(theirs.lastModifyTime);
          }
        }}
        onTakeTheirs={() => {
          if (conflict) {
            options.onTakeTheirs(conflict);
            setBase(conflict);
          }
          setConflict(null);
          update.reset();
        }}
      />
    </>
  );

  return { base, gone, create, update, save, dialogs } as const;
}
