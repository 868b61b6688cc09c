import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { keys } from "../../api/keys.ts";
import {
  conflictingStyle,
  createStyle,
  invalidateStyleLists,
  type NewStyle,
  type Style,
  type StyleUpdate,
  saveFailure,
  updateStyle,
} from "../../api/styles.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useToast } from "../../ui/toast.tsx";

interface Handlers {
  /** 409 on create: the name is taken. */
  onNameTaken: () => void;
  /** 409 on update: someone saved in between; here is their version (null if the server sent none). */
  onConflict: (theirs: Style | null) => void;
  /** 404 on update: someone deleted it in between. */
  onGone: () => void;
}

/**
 * The editor's two writes. On success the saved style is put in its cache entry, the bucket's list and
 * counts are invalidated (exactly), and the operator goes back to the list with a confirmation.
 */
export function useSaveStyle(bucket: string, handlers: Handlers) {
  const client = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const { t } = useI18n();
  const done = (style: Style, message: "toast.created" | "toast.saved") => {
    client.setQueryData(keys.style(bucket, style.name), style);
    void invalidateStyleLists(client, bucket);
    toast("success", t(message, { name: style.name }));
    // Saved: nothing is left to lose, so the unsaved-changes guard lets this one through.
    void navigate({ to: "/buckets/$bucket/styles", params: { bucket }, ignoreBlocker: true });
  };
  const create = useMutation({
    mutationFn: (style: NewStyle) => createStyle(bucket, style),
    onSuccess: (style) => done(style, "toast.created"),
    onError: (error) => {
      if (saveFailure(error) === "nameTaken") handlers.onNameTaken();
    },
  });
  const update = useMutation({
    mutationFn: ({ name, ...body }: StyleUpdate & { name: string }) => updateStyle(bucket, name, body),
    onSuccess: (style) => done(style, "toast.saved"),
    onError: (error) => {
      const kind = saveFailure(error);
      if (kind === "changed") handlers.onConflict(conflictingStyle(error));
      else if (kind === "gone") handlers.onGone();
    },
  });
  return { create, update };
}
