import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { bucketRoute } from "../styles/routes.tsx";

export const styleHistoryRoute = createRoute({
  getParentRoute: () => bucketRoute,
  path: "styles/$name/history",
  component: lazyRouteComponent(() => import("./HistoryScreen.tsx"), "HistoryScreen"),
});

export const deletedRoute = createRoute({
  getParentRoute: () => bucketRoute,
  path: "deleted",
  staticData: { nav: { label: { en: "Recently deleted", "zh-CN": "最近删除" }, order: 20 } },
  component: lazyRouteComponent(() => import("./HistoryScreen.tsx"), "DeletedScreen"),
});

export const draftsRoute = createRoute({
  getParentRoute: () => bucketRoute,
  path: "drafts",
  staticData: { nav: { label: { en: "Drafts", "zh-CN": "草稿" }, order: 15 } },
  component: lazyRouteComponent(() => import("./HistoryScreen.tsx"), "DraftsScreen"),
});

/** The history feature's screens, registered in `router/tree.ts` under the bucket. */
export const historyRoutes = [styleHistoryRoute, deletedRoute, draftsRoute];
