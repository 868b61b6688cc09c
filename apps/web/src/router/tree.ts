import { createRoute } from "@tanstack/react-router";
import { peopleRoute, profileRoute } from "../people/routes.tsx";
import { stylesRoutes } from "../styles/routes.tsx";
import { HomeRedirect } from "./HomeRedirect.tsx";
import { rootRoute } from "./root.tsx";

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: HomeRedirect });

/**
 * Every screen of the console. A feature adds its screen with its own `routes.tsx` (a `createRoute`
 * whose parent is `rootRoute`, or `bucketRoute` for a per-bucket screen) and one entry here; a
 * `staticData.nav` on the route puts it in the header's navigation, and the accessibility test
 * (`e2e/tests/a11y.spec.ts`) visits it without further ado.
 */
export const routeTree = rootRoute.addChildren([homeRoute, stylesRoutes, peopleRoute, profileRoute]);
