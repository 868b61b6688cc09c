import { type ComponentProps, lazy, type ReactNode, Suspense, useState } from "react";

/**
 * The list's dialogs, loaded on first use: they are needed only after a click, and the list page's
 * initial JavaScript must stay within its budget (issue 16: ≤ 150 KB gzipped).
 */
const load = () => import("./dialogs-impl.ts");
const Bulk = lazy(() => load().then((m) => ({ default: m.BulkDeleteDialog })));
const Delete = lazy(() => load().then((m) => ({ default: m.DeleteStyleDialog })));
const Name = lazy(() => load().then((m) => ({ default: m.NameDialog })));

/**
 * Renders `children` from the first time `open` is true on and keeps them mounted, so a lazily loaded
 * dialog closes (and gives the focus back to its opener) as an eagerly loaded one does.
 */
function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open ? <Suspense fallback={null}>{children}</Suspense> : null;
}

export function LazyBulkDeleteDialog(props: ComponentProps<typeof Bulk>) {
  return (
    <OnceOpened open={props.styles !== null}>
      <Bulk {...props} />
    </OnceOpened>
  );
}

export function LazyDeleteStyleDialog(props: ComponentProps<typeof Delete>) {
  return (
    <OnceOpened open={props.name !== null}>
      <Delete {...props} />
    </OnceOpened>
  );
}

export function LazyNameDialog(props: ComponentProps<typeof Name>) {
  return (
    <OnceOpened open={props.action !== null}>
      <Name {...props} />
    </OnceOpened>
  );
}
