import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";
import { parseRoute, type Route, routePath } from "./routes.ts";

const changeEvent = "style-console:navigate";

function subscribe(onChange: () => void) {
  window.addEventListener("popstate", onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

/** The current path; components re-render on back/forward and on {@link navigate}. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useRoute(): Route {
  return parseRoute(usePathname());
}

export function navigate(to: Route | string, options: { replace?: boolean } = {}) {
  const path = typeof to === "string" ? to : routePath(to);
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(changeEvent));
  window.scrollTo?.(0, 0);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: Route };

/** A real `<a href>` (so middle-click and "copy link" work) that navigates in-app on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const href = routePath(to);
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
