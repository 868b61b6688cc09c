import { createRoute } from "@tanstack/react-router";
import { ProfilePage } from "../profile/ProfilePage.tsx";
import { rootRoute } from "../router/root.tsx";
import { PeoplePage } from "./PeoplePage.tsx";

/** `/people`: accounts (admins; others are told why not). Linked from the header for admins only. */
export const peopleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "people",
  component: PeoplePage,
});

/** `/profile`: your password, sessions and API tokens. Linked from the header's role badge. */
export const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "profile",
  component: ProfilePage,
});
