import { createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { stylesQuery } from "../api/styles.ts";
import { draftSearch } from "../drafts/search.ts";
import { rootRoute } from "../router/root.tsx";
import { signedInHint } from "../session/fragment.ts";
import { StyleListPage } from "./list/StyleListPage.tsx";
import { parseListSearch } from "./list/search.ts";

/** `/buckets/$bucket`: the parent of every per-bucket screen; alone, it opens the styles. */
export const bucketRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "buckets/$bucket",
});

const bucketIndexRoute = createRoute({
  getParentRoute: () => bucketRoute,
  path: "/",
  beforeLoad: ({ params }) => {
    throw redirect({ to: "/buckets/$bucket/styles", params, replace: true });
  },
});

export const styleListRoute = createRoute({
  getParentRoute: () => bucketRoute,
  path: "styles",
  validateSearch: parseListSearch,
  staticData: { nav: { label: { en: "Styles", "zh-CN": "图片样式" }, order: 0 } },
  // No waterfall for a returning operator: the list starts loading with the route, not after render.
  // Skipped when signed out, where it could only answer 401.
  loader: ({ context, params }) => {
    if (signedInHint.get()) void context.queryClient.prefetchQuery(stylesQuery(params.bucket));
  },
  component: function StyleList() {
    const { bucket } = styleListRoute.useParams();
    return <StyleListPage key={bucket} bucket={bucket} />;
  },
});

const newStyleRoute = createRoute({
  getParentRoute: () => bucketRoute,
  path: "styles/new",
  // `?draft=<id>`: revise a draft (drafts/DraftCard.tsx links here).
  validateSearch: draftSearch,
  // The editor (its form, builder, preview and CodeMirror) is a chunk of its own: the list never waits for it.
  component: lazyRouteComponent(() => import("./editor/StyleEditorPage.tsx"), "NewStyleScreen"),
});

// "new" is a valid style name, so edit paths end in /edit and never collide with /new.
const editStyleRoute = createRoute({
  getParentRoute: () => bucketRoute,
  path: "styles/$name/edit",
  validateSearch: draftSearch,
  component: lazyRouteComponent(() => import("./editor/StyleEditorPage.tsx"), "EditStyleScreen"),
});

/** The styles feature's per-bucket screens; `router/tree.ts` puts them (and other features') under the bucket. */
export const styleScreens = [bucketIndexRoute, styleListRoute, newStyleRoute, editStyleRoute] as const;
