import { createRoute } from "@tanstack/react-router";
import { rootRoute } from "../router/root.tsx";
import { RequestsPage } from "./RequestsPage.tsx";
import { UsagePage } from "./UsagePage.tsx";

/**
 * `/buckets/$bucket/usage`: which styles are in use. A child of the root (not of the styles' bucket
 * route), so the styles feature's route file stays untouched.
 */
export const bucketUsageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "buckets/$bucket/usage",
  staticData: { nav: { label: { en: "Usage", "zh-CN": "使用情况" }, order: 10 } },
  component: function BucketUsage() {
    const { bucket } = bucketUsageRoute.useParams();
    return <UsagePage key={bucket} bucket={bucket} />;
  },
});

/** `/usage/requests`: the console's OSS requests and their cost. */
export const requestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "usage/requests",
  staticData: { nav: { label: { en: "Requests & cost", "zh-CN": "请求与费用" }, order: 20 } },
  component: RequestsPage,
});
