import { describe, expect, it } from "vitest";
import { parseRoute, type Route, routePath } from "./routes.ts";

const table: Array<[string, Route]> = [
  ["/", { name: "home" }],
  ["/buckets/demo/styles", { name: "styles", bucket: "demo" }],
  ["/buckets/demo", { name: "styles", bucket: "demo" }],
  ["/buckets/demo/styles/new", { name: "newStyle", bucket: "demo" }],
  ["/buckets/demo/styles/thumb.v2/edit", { name: "editStyle", bucket: "demo", style: "thumb.v2" }],
  ["/buckets/demo/styles/new/edit", { name: "editStyle", bucket: "demo", style: "new" }],
  ["/nowhere", { name: "notFound", path: "/nowhere" }],
  ["/buckets/demo/styles/a/b/c", { name: "notFound", path: "/buckets/demo/styles/a/b/c" }],
  ["/buckets/%E0%A4%A/styles", { name: "notFound", path: "/buckets/%E0%A4%A/styles" }],
];

describe("routes", () => {
  it.each(table)("parses %s", (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it.each(table.filter(([path]) => path !== "/buckets/demo"))("prints %s back", (path, route) => {
    expect(routePath(route)).toBe(path);
  });

  it("round-trips names that need encoding", () => {
    const route: Route = { name: "editStyle", bucket: "b", style: "a b/c" };
    expect(parseRoute(routePath(route))).toEqual(route);
  });
});
