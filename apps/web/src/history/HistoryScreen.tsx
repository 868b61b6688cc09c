import { useParams } from "@tanstack/react-router";
import { DraftsPage } from "../drafts/DraftsPage.tsx";
import { DeletedPage } from "./DeletedPage.tsx";
import { HistoryPage } from "./HistoryPage.tsx";

export function HistoryScreen() {
  const { bucket, name } = useParams({ from: "/buckets/$bucket/styles/$name/history" });
  return <HistoryPage key={`${bucket}/${name}`} bucket={bucket} name={name} />;
}

export function DeletedScreen() {
  const { bucket } = useParams({ from: "/buckets/$bucket/deleted" });
  return <DeletedPage key={bucket} bucket={bucket} />;
}

export function DraftsScreen() {
  const { bucket } = useParams({ from: "/buckets/$bucket/drafts" });
  return <DraftsPage key={bucket} bucket={bucket} />;
}
