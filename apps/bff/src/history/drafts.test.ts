import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type Harness, json, jsonOf, startHarness, styleOf } from "../testing/harness.ts";
import { listDraftEvents } from "./draft-events.ts";
import type { DraftDto, VersionDto } from "./dto.ts";

let h: Harness;
let browser: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  browser = await h.browser();
});
afterAll(() => h.close());

const drafts = "/api/buckets/photos/drafts";
const post = (path: string, body: unknown) => h.request(path, json("POST", browser, body));
const draftOf = (res: Response) => jsonOf<DraftDto>(res);
const cookieOf = (res: Response) => res.headers.get("Set-Cookie")?.split(";")[0] ?? "";

describe("drafts and review over HTTP", () => {
  it("saves a draft of an existing style, lists it, sends it for review and publishes it", async () => {
    const live = await styleOf(
      await post("/api/buckets/photos/styles", { name: "banner", content: "image/resize,w_800" }),
    );
    const created = await post(drafts, {
      name: "banner",
      content: "image/resize,w_900/quality,q_85",
      note: "sharper",
    });
    expect(created.status).toBe(201);
    const draft = await draftOf(created);
    expect(draft).toMatchObject({
      status: "draft",
      name: "banner",
      baseContent: "image/resize,w_800",
      baseLastModifyTime: live.lastModifyTime,
      author: { id: expect.any(String), username: expect.any(String) },
    });

    const listed = await jsonOf<{ drafts: DraftDto[] }>(await h.request(drafts, { headers: browser }));
    expect(listed.drafts.map((d) => d.id)).toContain(draft.id);
    const mine = await jsonOf<{ drafts: DraftDto[] }>(
      await h.request(`${drafts}?author=${encodeURIComponent(draft.author.id)}`, { headers: browser }),
    );
    expect(mine.drafts.every((d) => d.author.id === draft.author.id)).toBe(true);
    const nobody = await jsonOf<{ drafts: DraftDto[] }>(
      await h.request(`${drafts}?author=nobody`, { headers: browser }),
    );
    expect(nobody.drafts).toEqual([]);

    const reviewed = await h.request(`${drafts}/${draft.id}/review`, { method: "POST", headers: browser });
    expect((await draftOf(reviewed)).status).toBe("in_review");

    const published = await post(`${drafts}/${draft.id}/publish`, { comment: "looks good" });
    expect(published.status).toBe(200);
    const body = await jsonOf<{ draft: DraftDto; style: { content: string } }>(published);
    expect(body.draft.status).toBe("published");
    expect(body.style.content).toBe("image/resize,w_900/quality,q_85");
    const versions = await jsonOf<{ versions: VersionDto[] }>(
      await h.request("/api/buckets/photos/styles/banner/versions", { headers: browser }),
    );
    expect(versions.versions[0]).toMatchObject({
      id: body.draft.publishedVersionId,
      action: "update",
      comment: "looks good",
    });
  });

  it("answers the 409 view when the style changed since the draft was started", async () => {
    await post("/api/buckets/photos/styles", { name: "moving", content: "image/resize,w_10" });
    const draft = await draftOf(await post(drafts, { name: "moving", content: "image/resize,w_30" }));
    await new Promise((r) => setTimeout(r, 1100));
    await h.oss.putStyle("moving", "image/resize,w_20", { bucket: "photos" });
    const res = await post(`${drafts}/${draft.id}/publish`, {});
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.error.code).toBe("StyleChanged");
    expect(error.error.details?.current?.content).toBe("image/resize,w_20");
    expect((error.error.details as { draft?: DraftDto }).draft?.content).toBe("image/resize,w_30");
    // Nothing was written.
    expect(
      (await styleOf(await h.request("/api/buckets/photos/styles/moving", { headers: browser }))).content,
    ).toBe("image/resize,w_20");
  });

  it("sends a draft back with a comment (required)", async () => {
    const draft = await draftOf(await post(drafts, { name: "fresh", content: "image/resize,w_5" }));
    expect(draft.baseLastModifyTime).toBeNull();
    expect((await post(`${drafts}/${draft.id}/reject`, {})).status).toBe(400);
    const res = await post(`${drafts}/${draft.id}/reject`, { comment: "too small" });
    expect(await draftOf(res)).toMatchObject({ status: "rejected", reviewComment: "too small" });
  });

  it("with review required, refuses direct writes and the author's own approval", async () => {
    const on = await h.request(
      "/api/buckets/avatars/settings",
      json("PUT", browser, { requireReview: true }),
    );
    expect(await jsonOf(on)).toEqual({ bucket: "avatars", requireReview: true });
    const direct = await post("/api/buckets/avatars/styles", { name: "direct", content: "image/resize,w_5" });
    expect(direct.status).toBe(403);
    expect((await errorOf(direct)).error.code).toBe("ReviewRequired");

    const draft = await draftOf(
      await post("/api/buckets/avatars/drafts", { name: "reviewed", content: "image/resize,w_5" }),
    );
    const own = await post(`/api/buckets/avatars/drafts/${draft.id}/publish`, {});
    expect(own.status).toBe(403);
    expect((await errorOf(own)).error.code).toBe("OwnDraft");
  });
});

describe("drafts and review by role", () => {
  const as = (headers: Record<string, string>, method: string, path: string, body: unknown = {}) =>
    h.request(path, json(method, headers, body));

  it("a designer's draft is published by an operator; the designer can neither write nor publish", async () => {
    const designer = await h.sessionAs("designer");
    const operator = await h.sessionAs("operator");
    expect(
      (await as(designer, "POST", "/api/buckets/photos/styles", { name: "x", content: "image/resize,w_1" }))
        .status,
    ).toBe(403);
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "by-dana", content: "image/resize,w_42" }),
    );
    expect(draft.author.username).toBe("test-designer");
    expect((await as(designer, "POST", `${drafts}/${draft.id}/publish`)).status).toBe(403);
    expect((await as(designer, "POST", `${drafts}/${draft.id}/review`)).status).toBe(200);
    const published = await as(operator, "POST", `${drafts}/${draft.id}/publish`);
    expect(published.status).toBe(200);
    const { draft: done, style } = await jsonOf<{ draft: DraftDto; style: { content: string } }>(published);
    expect(done).toMatchObject({ status: "published", reviewer: { username: "test-operator" } });
    expect(style.content).toBe("image/resize,w_42");
    const versions = await jsonOf<{ versions: VersionDto[] }>(
      await h.request("/api/buckets/photos/styles/by-dana/versions", { headers: designer }),
    );
    expect(versions.versions[0]?.actor?.username).toBe("test-operator");
  });

  it("with review required, an operator's own draft needs someone else, after review is requested", async () => {
    const operator = await h.sessionAs("operator");
    const designer = await h.sessionAs("designer");
    expect((await as(operator, "PUT", "/api/buckets/photos/settings", { requireReview: true })).status).toBe(
      403,
    );
    expect((await as(browser, "PUT", "/api/buckets/photos/settings", { requireReview: true })).status).toBe(
      200,
    );
    try {
      const draft = await draftOf(
        await as(operator, "POST", drafts, { name: "by-omar", content: "image/resize,w_43" }),
      );
      await as(operator, "POST", `${drafts}/${draft.id}/review`);
      const own = await as(operator, "POST", `${drafts}/${draft.id}/publish`);
      expect((await errorOf(own)).error.code).toBe("OwnDraft");
      expect(
        (await errorOf(await as(operator, "POST", `${drafts}/${draft.id}/reject`, { comment: "self" }))).error
          .code,
      ).toBe("OwnDraft");
      const unrequested = await draftOf(
        await as(designer, "POST", drafts, { name: "by-dana-2", content: "image/resize,w_44" }),
      );
      expect(
        (await errorOf(await as(operator, "POST", `${drafts}/${unrequested.id}/publish`))).error.code,
      ).toBe("ReviewNotRequested");
      // Someone else (the admin) approves it.
      const res = await as(browser, "POST", `${drafts}/${draft.id}/publish`);
      expect(res.status).toBe(200);
      expect((await jsonOf<{ draft: DraftDto }>(res)).draft.status).toBe("published");
    } finally {
      await as(browser, "PUT", "/api/buckets/photos/settings", { requireReview: false });
    }
  });
});

describe("deleting a draft", () => {
  const as = (headers: Record<string, string>, method: string, path: string, body: unknown = {}) =>
    h.request(path, json(method, headers, body));
  const events = () => listDraftEvents(h.database.db, "photos", 50);
  /** A second designer, with a session of their own (`sessionAs` keeps one account per role). */
  async function otherDesigner(): Promise<Record<string, string>> {
    const password = "drafts belong to their authors";
    await h.people.createUser({ username: "test-designer-2", role: "designer", password });
    return { ...h.anonymousBrowser(), Cookie: cookieOf(await h.signIn("test-designer-2", password)) };
  }

  it("lets its author delete it, audited as draft.delete with who and the draft as it was", async () => {
    const designer = await h.sessionAs("designer");
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "dropped", content: "image/resize,w_61", note: "try" }),
    );
    const deleted = await as(designer, "DELETE", `${drafts}/${draft.id}`);
    expect(deleted.status).toBe(204);
    expect((await errorOf(await h.request(`${drafts}/${draft.id}`, { headers: designer }))).error.code).toBe(
      "NoSuchDraft",
    );
    const [event] = await events();
    expect(event).toMatchObject({
      action: "draft.delete",
      bucket: "photos",
      draftId: draft.id,
      style: "dropped",
      actor: { id: draft.author.id, name: "test-designer", via: "session" },
      before: { id: draft.id, content: "image/resize,w_61", status: "draft", note: "try" },
    });
    // Deleting it again: it is gone, and nothing more is recorded.
    const again = await as(designer, "DELETE", `${drafts}/${draft.id}`);
    expect((await errorOf(again)).error.code).toBe("NoSuchDraft");
    expect((await events())[0]?.id).toBe(event?.id);
  });

  it("refuses another designer, keeps the draft and records nothing; an operator may delete it", async () => {
    const designer = await h.sessionAs("designer");
    const operator = await h.sessionAs("operator");
    const draft = await draftOf(
      await as(designer, "POST", drafts, { name: "kept", content: "image/resize,w_62" }),
    );
    await as(designer, "POST", `${drafts}/${draft.id}/review`);
    const before = await events();
    const refused = await as(await otherDesigner(), "DELETE", `${drafts}/${draft.id}`);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).error.code).toBe("Forbidden");
    expect((await h.request(`${drafts}/${draft.id}`, { headers: designer })).status).toBe(200);
    expect(await events()).toEqual(before);

    expect((await as(operator, "DELETE", `${drafts}/${draft.id}`)).status).toBe(204);
    expect((await events())[0]).toMatchObject({
      draftId: draft.id,
      actor: { name: "test-operator" },
      before: { status: "in_review", author: { username: "test-designer" } },
    });
  });

  it("refuses a published draft (it is a version now) and a viewer, recording nothing", async () => {
    const draft = await draftOf(await post(drafts, { name: "shipped", content: "image/resize,w_63" }));
    expect((await post(`${drafts}/${draft.id}/publish`, {})).status).toBe(200);
    const open = await draftOf(await post(drafts, { name: "shipped", content: "image/resize,w_64" }));
    const before = await events();
    const published = await as(browser, "DELETE", `${drafts}/${draft.id}`);
    expect(published.status).toBe(409);
    expect((await errorOf(published)).error.code).toBe("DraftPublished");
    const viewer = await as(await h.sessionAs("viewer"), "DELETE", `${drafts}/${open.id}`);
    expect(viewer.status).toBe(403);
    expect((await h.request(`${drafts}/${draft.id}`, { headers: browser })).status).toBe(200);
    expect((await h.request(`${drafts}/${open.id}`, { headers: browser })).status).toBe(200);
    expect(await events()).toEqual(before);
  });
});
