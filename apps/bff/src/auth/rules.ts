import type { Context } from "hono";
import type { Role } from "../users/roles.ts";

/**
 * Who may call a route:
 * - `public`: anyone, signed in or not (sign-in itself, health, invite links, single sign-on);
 * - `signedIn`: any account; the route itself limits what it shows to the caller's own (or, for an
 *   admin, anyone's) sessions and tokens;
 * - a role: that role or a higher one.
 */
export type Need = "public" | "signedIn" | Role;

/** Where a route names the buckets it touches, so a role limited to some buckets can be checked. */
export type BucketScope = (c: Context) => string[];

export interface AccessRule {
  need: Need;
  /** The buckets the request touches; every one must be among the principal's. */
  buckets?: BucketScope;
}

// `/api/buckets/:bucket/...`: the bucket is the path's third segment.
const pathBucket: BucketScope = (c) => {
  const segment = c.req.path.split("/")[3];
  return segment ? [decodeURIComponent(segment)] : [];
};

// A preview names a bucket in `bucket` (styles, watermarks) and in `source=object:<bucket>/<key>`.
const previewBuckets: BucketScope = (c) => {
  const named = c.req.query("bucket");
  const source = /^object:([^/]+)\//.exec(c.req.query("source") ?? "")?.[1];
  return [named, source].filter((b): b is string => b !== undefined && b !== "");
};

// The audit log of one bucket; a role limited to some buckets must name one (see authorize.ts).
const auditBucket: BucketScope = (c) => {
  const named = c.req.query("bucket");
  return named ? [named] : [];
};

/**
 * The one access table: `METHOD /api/path` exactly as the router registers it → who may call it.
 * A route missing here is refused to everyone (403 `NoAccessRule`), and `access-matrix.test.ts` fails,
 * so a new route cannot ship open by accident.
 */
export const ACCESS_RULES: Readonly<Record<string, AccessRule>> = {
  "GET /api/health": { need: "public" },
  "GET /api/ready": { need: "public" },
  "GET /api/session": { need: "public" },
  "POST /api/session": { need: "public" },
  "DELETE /api/session": { need: "signedIn" },

  "GET /api/buckets": { need: "viewer" },
  "GET /api/buckets/:bucket/styles": { need: "viewer", buckets: pathBucket },
  "GET /api/buckets/:bucket/styles/:name": { need: "viewer", buckets: pathBucket },
  "POST /api/buckets/:bucket/styles": { need: "operator", buckets: pathBucket },
  "PUT /api/buckets/:bucket/styles/:name": { need: "operator", buckets: pathBucket },
  "DELETE /api/buckets/:bucket/styles/:name": { need: "operator", buckets: pathBucket },
  "POST /api/buckets/:bucket/styles/:name/rename": { need: "operator", buckets: pathBucket },
  "GET /api/buckets/:bucket/thumbnails": { need: "viewer", buckets: pathBucket },
  "GET /api/buckets/:bucket/objects": { need: "viewer", buckets: pathBucket },
  "GET /api/buckets/:bucket/usage": { need: "viewer", buckets: pathBucket },
  "POST /api/buckets/:bucket/usage/scan": { need: "viewer", buckets: pathBucket },
  "PUT /api/buckets/:bucket/usage/logging": { need: "operator", buckets: pathBucket },
  "GET /api/buckets/:bucket/usage/logging/events": { need: "viewer", buckets: pathBucket },
  "GET /api/usage/requests": { need: "viewer" },

  // The fleet (issue 12). Its cross-bucket routes read or write buckets named in the query or body: for
  // a role limited to some buckets the service keeps to those (the matrix shows only them, a copy plans
  // only them and lists the other targets as not permitted, jobs over other buckets are not shown).
  "GET /api/buckets/:bucket/styles/export": { need: "viewer", buckets: pathBucket },
  "POST /api/buckets/:bucket/styles/import": { need: "operator", buckets: pathBucket },
  "GET /api/buckets/:bucket/style-urls": { need: "viewer", buckets: pathBucket },
  "GET /api/fleet/styles": { need: "viewer" },
  "GET /api/fleet/style-file.schema.json": { need: "signedIn" },
  "POST /api/fleet/copy/plan": { need: "operator" },
  "GET /api/fleet/jobs": { need: "viewer" },
  "GET /api/fleet/jobs/:id": { need: "viewer" },
  "POST /api/fleet/jobs/:id/apply": { need: "operator" },
  "POST /api/fleet/jobs/:id/cancel": { need: "operator" },

  // History (issue 11): reading is a viewer's; restoring is a write (operator); drafts are a designer's,
  // publishing and sending back an operator's (the service also refuses one's own draft when the bucket
  // requires review); the review setting is an admin's.
  "GET /api/buckets/:bucket/styles/:name/versions": { need: "viewer", buckets: pathBucket },
  "POST /api/buckets/:bucket/styles/:name/versions/:id/restore": { need: "operator", buckets: pathBucket },
  "GET /api/buckets/:bucket/deleted": { need: "viewer", buckets: pathBucket },
  "GET /api/buckets/:bucket/settings": { need: "viewer", buckets: pathBucket },
  "GET /api/buckets/:bucket/settings/events": { need: "viewer", buckets: pathBucket },
  "PUT /api/buckets/:bucket/settings": { need: "admin", buckets: pathBucket },
  "POST /api/buckets/:bucket/drafts": { need: "designer", buckets: pathBucket },
  "GET /api/buckets/:bucket/drafts": { need: "viewer", buckets: pathBucket },
  "GET /api/buckets/:bucket/drafts/:id": { need: "viewer", buckets: pathBucket },
  "GET /api/buckets/:bucket/drafts/:id/events": { need: "viewer", buckets: pathBucket },
  "PUT /api/buckets/:bucket/drafts/:id": { need: "designer", buckets: pathBucket },
  "DELETE /api/buckets/:bucket/drafts/:id": { need: "designer", buckets: pathBucket },
  "POST /api/buckets/:bucket/drafts/:id/review": { need: "designer", buckets: pathBucket },
  "POST /api/buckets/:bucket/drafts/:id/publish": { need: "operator", buckets: pathBucket },
  "POST /api/buckets/:bucket/drafts/:id/reject": { need: "operator", buckets: pathBucket },

  "GET /api/samples": { need: "viewer" },
  "POST /api/samples": { need: "designer" },
  "DELETE /api/samples/:id": { need: "designer" },
  "GET /api/preview": { need: "viewer", buckets: previewBuckets },
  "GET /api/preview/parity": { need: "viewer", buckets: previewBuckets },
  "POST /api/validate": { need: "viewer" },
  "GET /api/audit": { need: "viewer", buckets: auditBucket },

  "GET /api/users": { need: "admin" },
  "GET /api/users/events": { need: "admin" },
  "POST /api/users": { need: "admin" },
  "PATCH /api/users/:id": { need: "admin" },
  "POST /api/users/:id/reset": { need: "admin" },
  "GET /api/sessions": { need: "signedIn" },
  "DELETE /api/sessions/:id": { need: "signedIn" },
  "GET /api/tokens": { need: "signedIn" },
  "POST /api/tokens": { need: "signedIn" },
  "DELETE /api/tokens/:id": { need: "signedIn" },
  "PUT /api/profile/password": { need: "signedIn" },
  "POST /api/invites/check": { need: "public" },
  "POST /api/invites/accept": { need: "public" },
  "GET /api/auth/oidc/login": { need: "public" },
  "GET /api/auth/oidc/callback": { need: "public" },
};

/** Routes whose whole data is per bucket, so a role limited to some buckets must name one. */
export const NEEDS_A_BUCKET_WHEN_LIMITED = new Set(["GET /api/audit"]);
