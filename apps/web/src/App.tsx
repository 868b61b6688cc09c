import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { bucketsQuery } from "./api/buckets.ts";
import { keys } from "./api/keys.ts";
import { sessionQuery, signOut } from "./api/session.ts";
import { BucketPicker } from "./buckets/BucketPicker.tsx";
import { chooseBucket, rememberBucket, rememberedBucket } from "./buckets/remembered.ts";
import { useI18n } from "./i18n/I18nProvider.tsx";
import { navigate, useRoute } from "./router/router.tsx";
import type { Route } from "./router/routes.ts";
import { AcceptInvite } from "./people/AcceptInvite.tsx";
import { PeoplePage } from "./people/PeoplePage.tsx";
import { ProfilePage } from "./profile/ProfilePage.tsx";
import { type FragmentLink, signedInHint, takeFragment } from "./session/fragment.ts";
import { PeopleLink, RoleBadge } from "./session/RoleBadge.tsx";
import { SignIn } from "./session/SignIn.tsx";
import { Shell } from "./shell/Shell.tsx";
import { EditStylePage, NewStylePage } from "./styles/editor/StyleEditorPage.tsx";
import { StyleListPage } from "./styles/list/StyleListPage.tsx";
import { ErrorPanel } from "./ui/ErrorPanel.tsx";

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

/** Signed out: the sign-in screen. Signed in: the console for the current route. */
export function App({ link: initialLink, ssoError }: { link: FragmentLink | null; ssoError: string | null }) {
  const { t } = useI18n();
  const session = useQuery(sessionQuery);
  const [link, clearLink] = useFragmentLink(initialLink);
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
        <SignIn linkToken={link?.kind === "token" ? link.value : null} onLinkUsed={clearLink} ssoError={ssoError} />
      </Shell>
    );
  return <Console />;
}

function bucketOf(route: Route): string | null {
  return "bucket" in route ? route.bucket : null;
}

function Console() {
  const route = useRoute();
  const bucket = bucketOf(route);
  useEffect(() => {
    if (bucket) rememberBucket(bucket);
  }, [bucket]);
  return (
    <Shell
      controls={
        <>
          <BucketPicker current={bucket} />
          <PeopleLink />
          <RoleBadge />
          <SignOutButton />
        </>
      }
    >
      <Page route={route} />
    </Shell>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case "home":
      return <Home />;
    case "styles":
      return <StyleListPage key={route.bucket} bucket={route.bucket} />;
    case "newStyle":
      return <NewStylePage key={route.bucket} bucket={route.bucket} />;
    case "editStyle":
      return (
        <EditStylePage key={`${route.bucket}/${route.style}`} bucket={route.bucket} style={route.style} />
      );
    case "people":
      return <PeoplePage />;
    case "profile":
      return <ProfilePage />;
    case "notFound":
      return <Home />;
  }
}

/** `/` opens the remembered bucket, or the first one on a first visit. */
function Home() {
  const { t } = useI18n();
  const buckets = useQuery(bucketsQuery);
  const target = buckets.data
    ? chooseBucket(
        buckets.data.map((b) => b.name),
        rememberedBucket(),
      )
    : null;
  useEffect(() => {
    if (target) navigate({ name: "styles", bucket: target }, { replace: true });
  }, [target]);
  if (buckets.isError) return <ErrorPanel error={buckets.error} onRetry={() => buckets.refetch()} />;
  if (buckets.data && !target) return <p className="notice">{t("buckets.none")}</p>;
  return (
    <p role="status" className="muted">
      {t("buckets.loading")}
    </p>
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
