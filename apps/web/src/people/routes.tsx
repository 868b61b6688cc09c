import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../router/root.tsx";

/** `/people`: accounts (admins; others are told why not). Linked from the header for admins only. */
export const peopleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "people",
  // Loaded on first visit: the list page's initial JavaScript has a budget (e2e/tests/budget.spec.ts).
  component: lazyRouteComponent(() => import("./PeoplePage.tsx"), "PeoplePage"),
});

/** `/profile`: your password, sessions and API tokens. Linked from the header's role badge. */
export const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "profile",
  component: lazyRouteComponent(() => import("../profile/ProfilePage.tsx"), "ProfilePage"),
});
