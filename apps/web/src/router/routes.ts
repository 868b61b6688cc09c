/**
 * The console's few screens as a typed union, parsed from and printed to paths. A router library would
 * be larger than this file; the BFF serves index.html for every non-API path, so deep links just work.
 */
export type Route =
  | { name: "home" }
  | { name: "styles"; bucket: string }
  | { name: "newStyle"; bucket: string }
  | { name: "editStyle"; bucket: string; style: string }
  | { name: "people" }
  | { name: "profile" }
  | { name: "notFound"; path: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split("/").filter(Boolean).map(decode);
  if (parts.some((p) => p === null)) return { name: "notFound", path: pathname };
  const [a, bucket, c, d, e] = parts as string[];
  if (parts.length === 0) return { name: "home" };
  if (parts.length === 1 && a === "people") return { name: "people" };
  if (parts.length === 1 && a === "profile") return { name: "profile" };
  if (a !== "buckets" || !bucket) return { name: "notFound", path: pathname };
  if (parts.length === 2 || (parts.length === 3 && c === "styles")) return { name: "styles", bucket };
  if (c !== "styles" || !d) return { name: "notFound", path: pathname };
  if (parts.length === 4 && d === "new") return { name: "newStyle", bucket };
  if (parts.length === 5 && e === "edit") return { name: "editStyle", bucket, style: d };
  return { name: "notFound", path: pathname };
}

export function routePath(route: Route): string {
  const b = (bucket: string) => `/buckets/${encodeURIComponent(bucket)}/styles`;
  switch (route.name) {
    case "home":
      return "/";
    case "styles":
      return b(route.bucket);
    case "newStyle":
      return `${b(route.bucket)}/new`;
    case "editStyle":
      // "new" is a valid style name, so edit paths end in /edit and never collide with /new.
      return `${b(route.bucket)}/${encodeURIComponent(route.style)}/edit`;
    case "people":
      return "/people";
    case "profile":
      return "/profile";
    case "notFound":
      return route.path;
  }
}
