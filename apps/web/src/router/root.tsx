import type { QueryClient } from "@tanstack/react-query";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet, useParams } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { keys } from "../api/keys.ts";
import { sessionQuery, signOut } from "../api/session.ts";
import { BucketPicker } from "../buckets/BucketPicker.tsx";
import { rememberBucket } from "../buckets/remembered.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { AcceptInvite } from "../people/AcceptInvite.tsx";
import { type FragmentLink, signedInHint, takeFragment } from "../session/fragment.ts";
import { PeopleLink, RoleBadge } from "../session/RoleBadge.tsx";
import { SignIn } from "../session/SignIn.tsx";
import { Shell } from "../shell/Shell.tsx";
import { ErrorPanel } from "../ui/ErrorPanel.tsx";
import { HomeRedirect } from "./HomeRedirect.tsx";

/** What every route's loader and `beforeLoad` receive (`context`). */
export interface RouterContext {
  queryClient: QueryClient;
  /** A one-click sign-in (`#token=`) or invite link (`#invite=`) taken before the first render, if any. */
  link: FragmentLink | null;
  /** Why single sign-on sent the browser back (`?signInError=`), if it did. */
  ssoError: string | null;
}

/**
 * A one-click sign-in or invite link pasted into a tab that already shows the console changes only the
 * fragment (no reload): take it from there too, and out of the address bar.
 */
function useFragmentLink(initial: FragmentLink | null): [FragmentLink | null, () => void] {
  const [link, setLink] = useState(initial);
  useEffect(() => {
    const onHash = () => {
      const taken = takeFragment(window.location, window.history);
      if (taken) setLink(taken);
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  return [link, () => setLink(null)];
}

/**
 * The root of every screen: signed out, the sign-in screen whatever the path (the path is kept, so the
 * screen asked for opens after sign-in); signed in, the frame around the matched route.
 */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Root,
  // An unknown path opens the remembered bucket, as `/` does.
  notFoundComponent: HomeRedirect,
});

function Root() {
  const { t } = useI18n();
  const context = rootRoute.useRouteContext();
  const session = useQuery(sessionQuery);
  const [link, clearLink] = useFragmentLink(context.link);
  if (link?.kind === "invite")
    return (
      <Shell>
        <AcceptInvite token={link.value} onDone={clearLink} />
      </Shell>
    );
  if (session.isPending)
    return (
      <Shell>
        <p role="status" className="muted">
          {t("footer.connecting")}
        </p>
      </Shell>
    );
  if (session.isError)
    return (
      <Shell>
        <ErrorPanel error={session.error} onRetry={() => session.refetch()} />
      </Shell>
    );
  if (!session.data || link?.kind === "token")
    return (
      <Shell>
        <SignIn
          linkToken={link?.kind === "token" ? link.value : null}
          onLinkUsed={clearLink}
          ssoError={context.ssoError}
        />
      </Shell>
    );
  return <Console />;
}

function Console() {
  const { bucket } = useParams({ strict: false });
  useEffect(() => {
    if (bucket) rememberBucket(bucket);
  }, [bucket]);
  return (
    <Shell
      controls={
        <>
          <BucketPicker current={bucket ?? null} />
          <PeopleLink />
          <RoleBadge />
          <SignOutButton />
        </>
      }
    >
      <Outlet />
    </Shell>
  );
}

function SignOutButton() {
  const { t } = useI18n();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      signedInHint.set(false);
      // The session query flips first (its observer shows the sign-in screen), then nothing else of the
      // last session stays in memory for the next person at this browser.
      client.setQueryData(keys.session(), null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== keys.session()[0] });
    },
  });
  return (
    <button type="button" className="button button-quiet" onClick={() => mutation.mutate()}>
      {t("header.signOut")}
    </button>
  );
}
