import { useMutation, useQueryClient } from "@tanstack/react-query";
import { keys } from "../../api/keys.ts";
import { invalidateStyleLists, type Style } from "../../api/styles.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useToast } from "../../ui/toast.tsx";
import { deleteStyleVersion } from "./api.ts";

/**
 * Deletes optimistically: the row leaves the list at once and comes back, with an error toast, if the
 * server refuses. The snapshot is restored as it was, so the row returns to its place. Only the version
 * the list showed is deleted: a style someone saved meanwhile is refused (409) and comes back.
 */
export function useDeleteStyle(bucket: string) {
  const client = useQueryClient();
  const toast = useToast();
  const { t } = useI18n();
  return useMutation({
    mutationFn: ({ name, lastModifyTime }: Pick<Style, "name" | "lastModifyTime">) =>
      deleteStyleVersion(bucket, name, lastModifyTime),
    onMutate: async ({ name }) => {
      await client.cancelQueries({ queryKey: keys.styles(bucket), exact: true });
      const previous = client.getQueryData<Style[]>(keys.styles(bucket));
      client.setQueryData<Style[]>(keys.styles(bucket), (list) => list?.filter((s) => s.name !== name));
      return { previous };
    },
    onError: (error, { name }, context) => {
      if (context?.previous) client.setQueryData(keys.styles(bucket), context.previous);
      toast("error", `${t("delete.failed", { name })} ${error.message}`);
    },
    onSuccess: (_data, { name }) => {
      client.removeQueries({ queryKey: keys.style(bucket, name), exact: true });
      toast("success", t("toast.deleted", { name }));
    },
    onSettled: () => invalidateStyleLists(client, bucket),
  });
}
