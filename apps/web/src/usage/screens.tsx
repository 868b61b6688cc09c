import { getRouteApi } from "@tanstack/react-router";
import { UsagePage } from "./UsagePage.tsx";

const route = getRouteApi("/buckets/$bucket/usage");

/** `/buckets/$bucket/usage`'s screen, loaded with the route (see `routes.tsx`). */
export function BucketUsageScreen() {
  const { bucket } = route.useParams();
  return <UsagePage key={bucket} bucket={bucket} />;
}
