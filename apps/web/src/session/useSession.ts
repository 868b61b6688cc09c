import { useQuery } from "@tanstack/react-query";
import { sessionQuery } from "../api/session.ts";
import { type Action, can, type Verdict } from "./can.ts";

/** The signed-in session (null while loading or signed out). */
export function useSession() {
  return useQuery(sessionQuery).data ?? null;
}

/** Whether the signed-in person may do `action` (on `bucket`), with the reason when not. */
export function useCan(action: Action, bucket?: string): Verdict {
  const session = useSession();
  return can(session?.user, action, bucket);
}
