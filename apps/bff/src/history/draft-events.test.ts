import type { DraftEventDto } from "@style-console/contract/dto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type Harness, json, jsonOf, startHarness } from "../testing/harness.ts";
import { listDraftEvents } from "./draft-events.ts";
import type { DraftDto } from "./dto.ts";

// Every draft action leaves exactly one `draft_events` row, written with the change; a refused action
// leaves none. The activity route reads one draft's rows, newest first.

let h: Harness;
let admin: Record<string, string>;
let designer: Record<string, string>;
let operator: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.browser();
  designer = await h.sessionAs("designer");
  operator = await h.sessionAs("operator");
});
afterAll(() => h.close());

const drafts = "/api/buckets/photos/drafts";
const as = (headers: Record<string, string>, method: string, path: string, body: unknown = {}) =>
  h.request(path, json(method, headers, body));
const draftOf = (res: Response) => jsonOf<DraftDto>(res);
/** Every row of one draft, newest first, from the table itself. */
const rowsOf = async (id: number) =>
  (await listDraftEvents(h.database.db, "photos", 1000)).filter((e) => e.draftId === id);
const activity = async (headers: Record<string, string>, id: number, query = "") => {
  const res = await h.request(`${drafts}/${id}/events${query}`, { headers });
  return { res, events: res.ok ? (await jsonOf<{ events: DraftEventDto[] }>(res)).events : [] };
};
const cookieOf = (res: Response) => res.headers.get("Set-Cookie")?.split(";")[0] ?? "";

/** Runs `step`, expects exactly one new row for the draft, and returns it. */
async function oneEvent(id: number, step: () => Promise<Response>, status: number) {
  const before = await rowsOf(id);
  const res = await step();
  expect(res.status).toBe(status);
  const after = await rowsOf(id);
  expect(after).toHaveLength(before.length + 1);
  return after[0];
}

/** Runs `step`, expects it refused with `status` and `code`, and no new row for the draft. */
async function noEvent(id: number, step: () => Promise<Response>, status: number, code?: string) {
  const before = await rowsOf(id);
  const res = await step();
  expect(res.status).toBe(status);
  if (code) expect((await errorOf(res)).error.code).toBe(code);
  expect(await rowsOf(id)).toEqual(before);
}

describe("each draft action records one event, in its transaction", () => {
  it("create, edit, request review, send back, edit again, request review, publish", async () => {
    const created = await as(designer, "POST", drafts, { name: "audited", content: "image/resize,w_71" });
    expect(created.status).toBe(201);
    const draft = await draftOf(created);
    const [made] = await rowsOf(draft.id);
    expect(made).toMatchObject({
      action: "draft.create",
      style: "audited",
      actor: { id: draft.author.id, name: "test-designer", via: "session" },
      before: null,
      after: { id: draft.id, status: "draft", content: "image/resize,w_71" },
    });
    expect(await rowsOf(draft.id)).toHaveLength(1);

    const path = `${drafts}/${draft.id}`;
    const edited = await oneEvent(
      draft.id,
      () => as(designer, "PUT", path, { content: "image/resize,w_72", note: "wider" }),
      200,
    );
    expect(edited).toMatchObject({
      action: "draft.update",
      actor: { name: "test-designer" },
      before: { content: "image/resize,w_71", note: null },
      after: { content: "image/resize,w_72", note: "wider", status: "draft" },
    });

    const review = () => as(designer, "POST", `${path}/review`);
    expect(await oneEvent(draft.id, review, 200)).toMatchObject({
      action: "draft.request-review",
      actor: { name: "test-designer" },
      before: { status: "draft" },
      after: { status: "in_review" },
    });

    const back = () => as(operator, "POST", `${path}/reject`, { comment: "too narrow" });
    expect(await oneEvent(draft.id, back, 200)).toMatchObject({
      action: "draft.send-back",
      actor: { name: "test-operator", via: "session" },
      before: { status: "in_review" },
      after: { status: "rejected", reviewComment: "too narrow" },
    });

    await oneEvent(draft.id, () => as(designer, "PUT", path, { content: "image/resize,w_90" }), 200);
    await oneEvent(draft.id, review, 200);
    const publish = () => as(operator, "POST", `${path}/publish`, { comment: "ship it" });
    const published = await oneEvent(draft.id, publish, 200);
    expect(published).toMatchObject({
      action: "draft.publish",
      actor: { name: "test-operator" },
      before: { status: "in_review" },
      after: { status: "published", reviewComment: "ship it", content: "image/resize,w_90" },
    });
    // The publish is a style write too, audited as such.
    const audit = await h.database.db
      .selectFrom("audit_events")
      .selectAll()
      .where("bucket", "=", "photos")
      .where("style", "=", "audited")
      .execute();
    expect(audit.map((a) => [a.action, a.actor_name, a.status])).toEqual([
      ["create", "test-operator", "committed"],
    ]);

    expect((await rowsOf(draft.id)).map((e) => e.action)).toEqual([
      "draft.publish",
      "draft.request-review",
      "draft.update",
      "draft.send-back",
      "draft.request-review",
      "draft.update",
      "draft.create",
    ]);
  });

  it("records nothing for refused actions (403, 409, 400)", async () => {
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "refused", content: "image/resize,w_73" }),
    );
    const path = `${drafts}/${draft.id}`;
    const password = "only authors edit drafts";
    await h.people.createUser({ username: "events-designer-2", role: "designer", password });
    const other = {
      ...h.anonymousBrowser(),
      Cookie: cookieOf(await h.signIn("events-designer-2", password)),
    };
    const viewer = await h.sessionAs("viewer");

    await noEvent(draft.id, () => as(other, "PUT", path, { content: "image/resize,w_1" }), 403, "Forbidden");
    await noEvent(draft.id, () => as(designer, "PUT", path, { content: "image/resize,w_0" }), 400);
    await noEvent(draft.id, () => as(other, "POST", `${path}/review`), 403, "Forbidden");
    await noEvent(draft.id, () => as(viewer, "POST", `${path}/review`), 403);
    await noEvent(draft.id, () => as(designer, "POST", `${path}/reject`, { comment: "no" }), 403);
    await noEvent(draft.id, () => as(operator, "POST", `${path}/reject`, {}), 400);
    await noEvent(draft.id, () => as(designer, "POST", `${path}/publish`), 403);

    await oneEvent(draft.id, () => as(designer, "POST", `${path}/review`), 200);
    await noEvent(draft.id, () => as(designer, "POST", `${path}/review`), 409, "DraftChanged");
    await oneEvent(draft.id, () => as(operator, "POST", `${path}/publish`), 200);
    await noEvent(draft.id, () => as(operator, "POST", `${path}/publish`), 409, "DraftPublished");
    await noEvent(
      draft.id,
      () => as(designer, "PUT", path, { content: "image/resize,w_2" }),
      409,
      "DraftChanged",
    );
    await noEvent(
      draft.id,
      () => as(operator, "POST", `${path}/reject`, { comment: "late" }),
      409,
      "DraftChanged",
    );
  });

  it("records nothing when the publish is refused because the style changed (409), nor for one's own draft", async () => {
    await as(admin, "POST", "/api/buckets/photos/styles", {
      name: "events-moving",
      content: "image/resize,w_10",
    });
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "events-moving", content: "image/resize,w_30" }),
    );
    await new Promise((r) => setTimeout(r, 1100));
    await h.oss.putStyle("events-moving", "image/resize,w_20", { bucket: "photos" });
    await noEvent(draft.id, () => as(operator, "POST", `${drafts}/${draft.id}/publish`), 409, "StyleChanged");

    expect((await as(admin, "PUT", "/api/buckets/photos/settings", { requireReview: true })).status).toBe(
      200,
    );
    try {
      const own = await draftOf(
        await as(operator, "POST", drafts, { name: "events-own", content: "image/resize,w_31" }),
      );
      await oneEvent(own.id, () => as(operator, "POST", `${drafts}/${own.id}/review`), 200);
      const path = `${drafts}/${own.id}`;
      await noEvent(own.id, () => as(operator, "POST", `${path}/publish`), 403, "OwnDraft");
      await noEvent(own.id, () => as(operator, "POST", `${path}/reject`, { comment: "me" }), 403, "OwnDraft");
    } finally {
      await as(admin, "PUT", "/api/buckets/photos/settings", { requireReview: false });
    }
  });
});

describe("a change and its record commit together", () => {
  it("when the record cannot be written, the create, edit and send-back are not made either", async () => {
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "atomic", content: "image/resize,w_79" }),
    );
    await as(designer, "POST", `${drafts}/${draft.id}/review`);
    const count = async () =>
      (await h.database.db.selectFrom("style_drafts").select("id").where("bucket", "=", "photos").execute())
        .length;
    const drafted = await count();
    // The audit table out of reach: every insert into it fails.
    await sql`alter table draft_events rename to draft_events_away`.execute(h.database.db);
    try {
      const create = await as(designer, "POST", drafts, { name: "atomic-2", content: "image/resize,w_80" });
      expect(create.status).toBe(500);
      expect(await count()).toBe(drafted);
      const edit = await as(designer, "PUT", `${drafts}/${draft.id}`, { content: "image/resize,w_81" });
      expect(edit.status).toBe(500);
      const back = await as(operator, "POST", `${drafts}/${draft.id}/reject`, { comment: "no" });
      expect(back.status).toBe(500);
    } finally {
      await sql`alter table draft_events_away rename to draft_events`.execute(h.database.db);
    }
    const now = await draftOf(await h.request(`${drafts}/${draft.id}`, { headers: designer }));
    expect(now).toMatchObject({ content: "image/resize,w_79", status: "in_review", reviewComment: null });
  });
});

describe("GET /api/buckets/:bucket/drafts/:id/events", () => {
  it("answers a draft's activity newest first, bounded by limit, with the send-back's comment", async () => {
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "activity", content: "image/resize,w_74" }),
    );
    const other = await draftOf(
      await as(designer, "POST", drafts, { name: "activity-2", content: "image/resize,w_75" }),
    );
    await as(designer, "POST", `${drafts}/${draft.id}/review`);
    await as(operator, "POST", `${drafts}/${draft.id}/reject`, { comment: "needs a watermark" });

    const viewer = await h.sessionAs("viewer");
    const { res, events } = await activity(viewer, draft.id);
    expect(res.status).toBe(200);
    expect(events.map((e) => [e.action, e.actor.name, e.status, e.comment])).toEqual([
      ["draft.send-back", "test-operator", "rejected", "needs a watermark"],
      ["draft.request-review", "test-designer", "in_review", null],
      ["draft.create", "test-designer", "draft", null],
    ]);
    expect(events.every((e) => e.draftId === draft.id)).toBe(true);
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => b - a));
    expect(Date.parse(events[0]?.time ?? "")).not.toBeNaN();
    // Only what the list shows: no draft content in the answer.
    expect(Object.keys(events[0] ?? {}).sort()).toEqual(
      ["action", "actor", "comment", "draftId", "id", "status", "time"].sort(),
    );
    expect(JSON.stringify(events)).not.toContain("image/resize");

    const limited = await activity(viewer, draft.id, "?limit=2");
    expect(limited.events.map((e) => e.action)).toEqual(["draft.send-back", "draft.request-review"]);
    expect((await activity(viewer, other.id)).events.map((e) => e.action)).toEqual(["draft.create"]);
  });

  it("refuses a bad limit (400), an unknown draft (404), a draft of another bucket (404)", async () => {
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "activity-3", content: "image/resize,w_76" }),
    );
    for (const limit of ["0", "201", "many", "1.5"]) {
      const { res } = await activity(admin, draft.id, `?limit=${limit}`);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).error.code).toBe("InvalidRequest");
    }
    const unknown = await activity(admin, 999_999);
    expect(unknown.res.status).toBe(404);
    expect((await errorOf(unknown.res)).error.code).toBe("NoSuchDraft");
    const elsewhere = await h.request(`/api/buckets/avatars/drafts/${draft.id}/events`, { headers: admin });
    expect((await errorOf(elsewhere)).error.code).toBe("NoSuchDraft");
  });

  it("keeps a deleted draft's activity, ending with its delete", async () => {
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "activity-4", content: "image/resize,w_77" }),
    );
    expect((await as(designer, "DELETE", `${drafts}/${draft.id}`)).status).toBe(204);
    const { events } = await activity(admin, draft.id);
    expect(events.map((e) => [e.action, e.status])).toEqual([
      ["draft.delete", null],
      ["draft.create", "draft"],
    ]);
  });

  it("is a reader's: no session 401, a role limited to other buckets 403", async () => {
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "activity-5", content: "image/resize,w_78" }),
    );
    const anonymous = await h.request(`${drafts}/${draft.id}/events`, { headers: h.anonymousBrowser() });
    expect(anonymous.status).toBe(401);
    const password = "only the avatars bucket";
    await h.people.createUser({ username: "avatars-viewer", role: "viewer", password, buckets: ["avatars"] });
    const limited = { ...h.anonymousBrowser(), Cookie: cookieOf(await h.signIn("avatars-viewer", password)) };
    expect((await activity(limited, draft.id)).res.status).toBe(403);
  });
});

describe("the bucket's review setting", () => {
  it("records each change in bucket_events (who, before, after) and nothing when refused", async () => {
    const reviewEvents = () =>
      h.database.db
        .selectFrom("bucket_events")
        .selectAll()
        .where("bucket", "=", "avatars")
        .where("action", "like", "review.%")
        .orderBy("id", "desc")
        .execute();
    const settings = "/api/buckets/avatars/settings";
    expect((await as(operator, "PUT", settings, { requireReview: true })).status).toBe(403);
    expect(await reviewEvents()).toEqual([]);

    expect((await as(admin, "PUT", settings, { requireReview: true })).status).toBe(200);
    expect((await as(admin, "PUT", settings, { requireReview: false })).status).toBe(200);
    const [off, on] = await reviewEvents();
    expect(on).toMatchObject({
      action: "review.enable",
      actor_id: "bootstrap-admin",
      actor_via: "bootstrap-token",
      before: { requireReview: false },
      after: { requireReview: true },
      status: "committed",
    });
    expect(on?.completed_at).not.toBeNull();
    expect(off).toMatchObject({
      action: "review.disable",
      before: { requireReview: true },
      after: { requireReview: false },
    });
    // The logging screen's audit stays logging's own.
    const logging = await jsonOf<{ events: Array<{ action: string }> }>(
      await h.request("/api/buckets/avatars/usage/logging/events", { headers: admin }),
    );
    expect(logging.events.filter((e) => e.action.startsWith("review."))).toEqual([]);
  });
});
