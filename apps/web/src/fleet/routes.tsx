import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../router/root.tsx";
import { parseFleetSearch } from "./search.ts";

/** `/fleet`: the matrix of every bucket's styles, with copy, import and export (issue 12). */
export const fleetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "fleet",
  validateSearch: parseFleetSearch,
  staticData: { nav: { label: { en: "Fleet", "zh-CN": "多存储空间" }, order: 10 } },
  // Loaded on first visit: the list page's initial JavaScript has a budget (e2e/tests/budget.spec.ts).
  component: lazyRouteComponent(() => import("./screens.tsx"), "FleetScreen"),
});
