import { can, type Verdict, type Who } from "../../session/can.ts";

/** Why a refused delete is refused: the role (or bucket) as for any action, or not being the author. */
export interface DeleteVerdict {
  verdict: Verdict;
  /** Refused because the person may draft but did not write this one (only an operator may). */
  notAuthor: boolean;
}

/**
 * Whether `who` may delete `draft` in `bucket`, mirroring the BFF (`DELETE …/drafts/:id` needs a
 * designer, and the service lets only the draft's author or an operator through).
 * @example
 * draftDeleteVerdict({ id: "dana", role: "designer", buckets: null }, { author: { id: "olga" } }, "photos");
 * // { verdict: { allowed: false, need: "operator", role: "designer" }, notAuthor: true }
 */
export function draftDeleteVerdict(
  who: (Who & { id: string }) | null | undefined,
  draft: { author: { id: string } },
  bucket: string,
): DeleteVerdict {
  const asReviewer = can(who, "draft.review", bucket);
  if (asReviewer.allowed) return { verdict: asReviewer, notAuthor: false };
  const asDrafter = can(who, "draft.write", bucket);
  if (who?.id === draft.author.id) return { verdict: asDrafter, notAuthor: false };
  return { verdict: asReviewer, notAuthor: asDrafter.allowed };
}
