/** The list's dialogs in one lazy chunk (see dialogs.tsx). */
export { BulkDeleteDialog } from "../delete/BulkDeleteDialog.tsx";
export { DeleteStyleDialog } from "../delete/DeleteStyleDialog.tsx";
export { NameDialog } from "./NameDialog.tsx";
