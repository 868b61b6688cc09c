import { getRouteApi } from "@tanstack/react-router";
import { FleetPage } from "./FleetPage.tsx";

const route = getRouteApi("/fleet");

/** `/fleet`'s screen, loaded with the route (see `routes.tsx`). */
export function FleetScreen() {
  return <FleetPage search={route.useSearch()} />;
}
