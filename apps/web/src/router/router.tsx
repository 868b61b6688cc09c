import type { QueryClient } from "@tanstack/react-query";
import { createBrowserHistory, createRouter, type RouterHistory } from "@tanstack/react-router";
import type { Locale } from "../i18n/translate.ts";
import type { FragmentLink } from "../session/fragment.ts";
import { routeTree } from "./tree.ts";

/** Builds the console's router; tests pass a memory history. */
export function createAppRouter(
  queryClient: QueryClient,
  {
    link = null,
    ssoError = null,
    history = createBrowserHistory(),
  }: { link?: FragmentLink | null; ssoError?: string | null; history?: RouterHistory } = {},
) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient, link, ssoError },
    // Each screen's data lives in react-query, which decides freshness; the router never caches loaders.
    defaultPreloadStaleTime: 0,
    defaultPreload: "intent",
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
  interface StaticDataRouteOption {
    /** Puts the route in the header's navigation: its label in each language, and its place (lower first). */
    nav?: { label: Record<Locale, string>; order: number };
  }
}
