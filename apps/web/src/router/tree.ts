import { createRoute } from "@tanstack/react-router";
import { fleetRoute } from "../fleet/routes.tsx";
import { historyRoutes } from "../history/routes.tsx";
import { peopleRoute, profileRoute } from "../people/routes.tsx";
import { bucketRoute, styleScreens } from "../styles/routes.tsx";
import { bucketUsageRoute, requestsRoute } from "../usage/routes.tsx";
import { HomeRedirect } from "./HomeRedirect.tsx";
import { rootRoute } from "./root.tsx";

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: HomeRedirect });

/**
 * Every screen of the console. A feature adds its screen with its own `routes.tsx` (a `createRoute`
 * whose parent is `rootRoute`, or `bucketRoute` for a per-bucket screen) and one entry here; a
 * `staticData.nav` on the route puts it in the header's navigation, and the accessibility test
 * (`e2e/tests/a11y.spec.ts`) visits it without further ado.
 */
const bucketScreens = bucketRoute.addChildren([...styleScreens, ...historyRoutes]);

export const routeTree = rootRoute.addChildren([
  homeRoute,
  bucketScreens,
  peopleRoute,
  profileRoute,
  fleetRoute,
  bucketUsageRoute,
  requestsRoute,
]);
