import { styleNameIssues } from "@style-console/contract/names";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { ApiError } from "../../api/error.ts";
import { asCategory, createStyle, invalidateStyleLists, type Style } from "../../api/styles.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useDialogText } from "../delete/messages.ts";
import { copyName, renameStyle } from "./api.ts";

/** What the name dialog does: a copy under a new name, or a rename (copy + delete on the server). */
export type NameAction = { mode: "duplicate" | "rename"; style: Style };

/**
 * Asks for the name of a duplicate (`<name>-copy` proposed) or of a rename (the current name, to edit),
 * checks it against OSS's rule and the names in the list, then creates the copy or renames; server
 * refusals (taken meanwhile, changed since loaded, the limit) show in the dialog, which stays open.
 */
export function NameDialog({
  bucket,
  action,
  taken,
  onClose,
}: {
  bucket: string;
  action: NameAction | null;
  /** The bucket's style names now. */
  taken: ReadonlySet<string>;
  onClose: () => void;
}) {
  const d = useDialogText();
  const name = action?.style.name ?? "";
  const title =
    action?.mode === "rename" ? d("list.rename.title", { name }) : d("list.duplicate.title", { name });
  return (
    <Dialog open={action !== null} title={title} onClose={onClose}>
      {action ? (
        <NameForm
          key={`${action.mode}:${name}`}
          bucket={bucket}
          action={action}
          taken={taken}
          onClose={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function NameForm({
  bucket,
  action,
  taken,
  onClose,
}: {
  bucket: string;
  action: NameAction;
  taken: ReadonlySet<string>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const d = useDialogText();
  const client = useQueryClient();
  const toast = useToast();
  const { mode, style } = action;
  const [value, setValue] = useState(mode === "duplicate" ? copyName(style.name, taken) : style.name);
  const inputId = useId();
  const problemId = useId();
  const trimmed = value.trim();
  const mutation = useMutation<Style, ApiError, string>({
    mutationFn: (newName) =>
      mode === "duplicate"
        ? createStyle(bucket, { name: newName, content: style.content, category: asCategory(style.category) })
        : renameStyle(bucket, style.name, { newName, expectedLastModifyTime: style.lastModifyTime }),
    onSuccess: async (made) => {
      if (mode === "rename")
        client.removeQueries({ queryKey: ["buckets", bucket, "styles", style.name], exact: true });
      await invalidateStyleLists(client, bucket);
      toast(
        "success",
        mode === "duplicate"
          ? d("list.duplicate.done", { name: made.name, from: style.name })
          : d("list.rename.done", { name: made.name, from: style.name }),
      );
      onClose();
    },
  });
  const problem =
    trimmed === ""
      ? null
      : (nameProblem(trimmed, t) ??
        (trimmed !== style.name && taken.has(trimmed) ? d("list.nameTaken", { name: trimmed }) : null));
  const unchanged = mode === "rename" && trimmed === style.name;
  const ready = trimmed !== "" && problem === null && !unchanged && !mutation.isPending;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) mutation.mutate(trimmed);
      }}
    >
      <p>{mode === "duplicate" ? d("list.duplicate.lead") : d("list.rename.lead", { name: style.name })}</p>
      <div className="field">
        <label htmlFor={inputId}>{d("list.name")}</label>
        <input
          id={inputId}
          value={value}
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {problem ? (
          <p id={problemId} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
      {mutation.error ? (
        <p role="alert" className="field-error">
          {mutation.error.message}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t("delete.cancel")}
        </button>
        <button type="submit" className="button button-primary" disabled={!ready}>
          {mutation.isPending
            ? d("list.working")
            : mode === "duplicate"
              ? d("list.duplicate.submit")
              : d("list.rename.submit")}
        </button>
      </div>
    </form>
  );
}

/**
 * OSS's name rule (the contract's one check), in the editor's words. Kept here rather than imported
 * from the editor, whose module pulls the style parser into the list's bundle.
 */
function nameProblem(name: string, t: ReturnType<typeof useI18n>["t"]): string | null {
  const issues = styleNameIssues(name);
  const problem = issues.find((issue) => issue.code === "InvalidCharacter") ?? issues[0];
  if (!problem) return null;
  if (problem.code === "InvalidCharacter")
    return t("editor.name.badChar", { char: problem.char, position: problem.offset + 1 });
  if (problem.code === "TooLong") return t("editor.name.tooLong", { length: problem.actual });
  return t("editor.name.empty");
}
