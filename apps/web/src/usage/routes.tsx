import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../router/root.tsx";

/**
 * `/buckets/$bucket/usage`: which styles are in use. A child of the root (not of the styles' bucket
 * route), so the styles feature's route file stays untouched.
 */
export const bucketUsageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "buckets/$bucket/usage",
  staticData: { nav: { label: { en: "Usage", "zh-CN": "使用情况" }, order: 10 } },
  // Loaded on first visit: the list page's initial JavaScript has a budget (e2e/tests/budget.spec.ts).
  component: lazyRouteComponent(() => import("./screens.tsx"), "BucketUsageScreen"),
});

/** `/usage/requests`: the console's OSS requests and their cost. */
export const requestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "usage/requests",
  staticData: { nav: { label: { en: "Requests & cost", "zh-CN": "请求与费用" }, order: 20 } },
  component: lazyRouteComponent(() => import("./RequestsPage.tsx"), "RequestsPage"),
});
