import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, json, jsonOf, startHarness } from "../testing/harness.ts";
import type { FleetJobDto } from "./fleet-routes.ts";
import type { Matrix } from "./matrix.ts";

// The fleet over a real emulator with buckets in two regions, through the app in-process (issue 12).

let h: Harness;
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWM4ISeHFTEMpAQAaYgwwXposYcAAAAASUVORK5CYII=",
  "base64",
);

beforeAll(async () => {
  h = await startHarness({
    emulatorBuckets: ["ref", "shop-eu@eu-central-1", "full", "empty-one"],
    styleLimit: 3,
  });
  const put = (bucket: string, name: string, content: string) => h.oss.putStyle(name, content, { bucket });
  await put("ref", "a", "image/resize,w_100");
  await put("ref", "b", "image/resize,w_200");
  await put("ref", "c", "image/resize,w_300");
  await put("shop-eu", "a", "image/resize,w_100");
  await put("shop-eu", "b", "image/resize,w_250");
  await put("shop-eu", "x", "image/resize,w_999");
  await put("full", "a", "image/resize,w_100");
  await put("full", "p", "image/resize,w_1");
  await put("full", "q", "image/resize,w_2");
});
afterAll(() => h.close());

const get = <T>(path: string) => h.request(path, { headers: h.bearer }).then((r) => jsonOf<T>(r));
const post = (path: string, body: unknown) => h.request(path, json("POST", h.bearer, body));

async function waitFor(id: string): Promise<FleetJobDto> {
  for (let i = 0; i < 200; i++) {
    const job = await get<FleetJobDto>(`/api/fleet/jobs/${id}`);
    if (job.state !== "running") return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("job did not finish");
}

describe("GET /api/buckets", () => {
  it("lists every bucket with its region, endpoint, style count and limit", async () => {
    const buckets = await get<Array<Record<string, unknown>>>("/api/buckets");
    expect(buckets.find((b) => b.name === "shop-eu")).toEqual({
      name: "shop-eu",
      region: "eu-central-1",
      endpoint: h.emulator.endpoint,
      styleCount: 3,
      styleLimit: 3,
    });
  });
});

describe("the fleet matrix", () => {
  it("compares every bucket with the reference: same, differs, missing, extra", async () => {
    const m = await get<Matrix>("/api/fleet/styles?reference=ref");
    const state = (style: string, bucket: string) =>
      m.rows.find((r) => r.name === style)?.cells.find((c) => c.bucket === bucket)?.state;
    expect(m.buckets.map((b) => `${b.name}@${b.region}`)).toEqual([
      "ref@cn-hangzhou",
      "shop-eu@eu-central-1",
      "full@cn-hangzhou",
      "empty-one@cn-hangzhou",
    ]);
    expect([
      state("a", "shop-eu"),
      state("b", "shop-eu"),
      state("c", "shop-eu"),
      state("x", "shop-eu"),
    ]).toEqual(["same", "differs", "missing", "extra"]);
    expect(m.rows.find((r) => r.name === "a")?.drift).toBe(true); // missing in empty-one
    expect(state("a", "ref")).toBe("reference");
    const bad = await h.request("/api/fleet/styles?reference=nope", { headers: h.bearer });
    expect(bad.status).toBe(404);
  });
});

describe("copy and sync plans", () => {
  it("plans every action kind per target, and a change between plan and apply is a conflict, not an overwrite", async () => {
    const res = await post("/api/fleet/copy/plan", {
      source: "ref",
      targets: ["shop-eu", "full"],
      delete: true,
    });
    expect(res.status).toBe(201);
    const plan = await jsonOf<FleetJobDto>(res);
    expect(plan.state).toBe("planned");
    expect(plan.items.map((i) => [i.target, i.name, i.action])).toEqual([
      ["shop-eu", "x", "delete"],
      ["shop-eu", "a", "unchanged"],
      ["shop-eu", "b", "update"],
      ["shop-eu", "c", "create"],
      ["full", "p", "delete"],
      ["full", "q", "delete"],
      ["full", "a", "unchanged"],
      ["full", "b", "create"],
      ["full", "c", "create"],
    ]);
    // Behind the console's back, between plan and apply.
    await h.oss.putStyle("b", "image/resize,w_260", { bucket: "shop-eu" });
    const started = await post(`/api/fleet/jobs/${plan.id}/apply`, {});
    expect(started.status).toBe(202);
    const done = await waitFor(plan.id);
    expect(done.state).toBe("done");
    expect(done.items.map((i) => [i.target, i.name, i.status])).toEqual([
      ["shop-eu", "x", "applied"],
      ["shop-eu", "a", "unchanged"],
      ["shop-eu", "b", "conflict"],
      ["shop-eu", "c", "applied"],
      ["full", "p", "applied"],
      ["full", "q", "applied"],
      ["full", "a", "unchanged"],
      ["full", "b", "applied"],
      ["full", "c", "applied"],
    ]);
    expect((await h.oss.getStyle("b", { bucket: "shop-eu" })).content).toBe("image/resize,w_260");
    expect((await h.oss.listStyles({ bucket: "full" })).map((s) => s.name).sort()).toEqual(["a", "b", "c"]);
    const audit = await get<{
      entries: Array<{ bucket: string; style: string; action: string; source?: string }>;
    }>("/api/audit?bucket=full");
    expect(
      audit.entries
        .filter((e) => e.source === "copy")
        .map((e) => `${e.action} ${e.style}`)
        .sort(),
    ).toEqual(["copy b", "copy c", "delete p", "delete q"]);
    // A plan runs once.
    expect((await post(`/api/fleet/jobs/${plan.id}/apply`, {})).status).toBe(409);
  });

  it("plans over-limit for a target at its style limit, and copies without deleting unless asked", async () => {
    await h.oss.putStyle("m", "image/resize,w_5", { bucket: "empty-one" });
    await h.oss.putStyle("n", "image/resize,w_6", { bucket: "empty-one" });
    const plan = await jsonOf<FleetJobDto>(
      await post("/api/fleet/copy/plan", { source: "ref", targets: ["empty-one"] }),
    );
    expect(plan.items.map((i) => [i.name, i.action])).toEqual([
      ["a", "create"],
      ["b", "over-limit"],
      ["c", "over-limit"],
    ]);
    await post(`/api/fleet/jobs/${plan.id}/apply`, {});
    const done = await waitFor(plan.id);
    expect(done.items.map((i) => i.status)).toEqual(["applied", "over-limit", "over-limit"]);
    expect((await h.oss.listStyles({ bucket: "empty-one" })).map((s) => s.name)).toEqual(["m", "n", "a"]);
  });
});

describe("roles limited to some buckets", () => {
  it("plan only over the buckets the person may write, show the others as not permitted, and keep to them", async () => {
    await h.people.createUser({
      username: "lena",
      role: "operator",
      password: "only ref and shop-eu",
      buckets: ["ref", "shop-eu"],
    });
    const signIn = await h.signIn("lena", "only ref and shop-eu");
    const me = { ...h.anonymousBrowser(), Cookie: signIn.headers.get("Set-Cookie")?.split(";")[0] ?? "" };
    const asLena = (path: string, body?: unknown) =>
      h.request(path, body === undefined ? { headers: me } : json("POST", me, body));

    const readsOfOthers = () => h.ossRequests.filter((l) => /^GET \/(full|empty-one)\//.test(l)).length;
    const before = readsOfOthers();
    const plan = await asLena("/api/fleet/copy/plan", {
      source: "ref",
      targets: ["shop-eu", "full", "empty-one"],
    });
    expect(plan.status).toBe(201);
    const job = await jsonOf<FleetJobDto>(plan);
    expect(job.targets).toEqual(["shop-eu"]);
    expect(job.notPermitted).toEqual(["full", "empty-one"]);
    expect(new Set(job.items.map((i) => i.target))).toEqual(new Set(["shop-eu"]));
    // Nothing of the other buckets was read for the plan.
    expect(readsOfOthers()).toBe(before);

    // A source outside the role is refused, naming it.
    const refused = await asLena("/api/fleet/copy/plan", { source: "full", targets: ["shop-eu"] });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { code: "BucketNotAllowed", details: { bucket: "full" } },
    });

    // The matrix shows only the role's buckets; jobs over other buckets are not shown.
    const m = await jsonOf<Matrix>(await asLena("/api/fleet/styles?reference=ref"));
    expect(m.buckets.map((b) => b.name)).toEqual(["ref", "shop-eu"]);
    const others = await jsonOf<FleetJobDto>(
      await post("/api/fleet/copy/plan", { source: "ref", targets: ["full"] }),
    );
    expect((await asLena(`/api/fleet/jobs/${others.id}`)).status).toBe(404);
    const listed = await jsonOf<{ jobs: FleetJobDto[] }>(await asLena("/api/fleet/jobs"));
    expect(listed.jobs.map((j) => j.id)).toContain(job.id);
    expect(listed.jobs.map((j) => j.id)).not.toContain(others.id);
    expect((await asLena(`/api/fleet/jobs/${job.id}`)).status).toBe(200);
  });
});

describe("export and import", () => {
  it("exports our JSON, Terraform with import blocks and ossutil commands", async () => {
    const file = await h.request("/api/buckets/ref/styles/export?format=json", { headers: h.bearer });
    expect(file.headers.get("content-disposition")).toContain('filename="ref-styles.json"');
    const body = (await file.json()) as {
      format: string;
      version: number;
      region: string;
      styles: unknown[];
    };
    expect(body).toMatchObject({
      format: "style-console/styles",
      version: 1,
      bucket: "ref",
      region: "cn-hangzhou",
    });
    expect(body.styles).toEqual([
      { name: "a", content: "image/resize,w_100", category: "image" },
      { name: "b", content: "image/resize,w_200", category: "image" },
      { name: "c", content: "image/resize,w_300", category: "image" },
    ]);
    const tf = await (
      await h.request("/api/buckets/ref/styles/export?format=terraform", { headers: h.bearer })
    ).text();
    expect(tf).toContain('resource "alicloud_oss_bucket_style" "a" {');
    expect(tf).toContain('  id = "ref:a"');
    const sh = await (
      await h.request("/api/buckets/ref/styles/export?format=ossutil", { headers: h.bearer })
    ).text();
    expect(sh).toContain(
      `ossutil api put-style --bucket 'ref' --style-name 'b' --style '{"Content":"image/resize,w_200"}'`,
    );
    expect((await h.request("/api/buckets/ref/styles/export?format=xml", { headers: h.bearer })).status).toBe(
      400,
    );
    const schema = await get<{ properties: Record<string, unknown> }>("/api/fleet/style-file.schema.json");
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["format", "version", "styles"]));
  });

  it("imports a file: the dry run plans (invalid on target included), the apply writes and audits as import", async () => {
    const file = {
      format: "style-console/styles",
      version: 1,
      bucket: "elsewhere",
      region: "cn-beijing",
      styles: [
        { name: "a", content: "image/resize,w_100", category: "image" },
        { name: "bad", content: "image/resize,w_abc", category: "image" },
        { name: "new1", content: "image/resize,w_42", category: "image" },
      ],
    };
    const dry = await post("/api/buckets/shop-eu/styles/import?dryRun=true", file);
    expect(dry.status).toBe(200);
    const { plan, planId } = await jsonOf<{ planId: string; plan: Array<{ name: string; action: string }> }>(
      dry,
    );
    expect(plan.map((p) => [p.name, p.action])).toEqual([
      ["a", "unchanged"],
      ["bad", "invalid"],
      ["new1", "over-limit"],
    ]);
    expect((await h.oss.listStyles({ bucket: "shop-eu" })).some((s) => s.name === "new1")).toBe(false);
    const applied = await post(`/api/buckets/shop-eu/styles/import?planId=${planId}`, file);
    const { results } = await jsonOf<{ results: Array<{ name: string; action: string; status: string }> }>(
      applied,
    );
    expect(results).toEqual([
      { name: "a", action: "unchanged", status: "unchanged" },
      { name: "bad", action: "invalid", status: "invalid" },
      { name: "new1", action: "over-limit", status: "over-limit" },
    ]);
    // Straight apply into a bucket with room.
    await h.oss.deleteStyle("x", { bucket: "shop-eu" }).catch(() => undefined);
    const direct = await post("/api/buckets/ref/styles/import", {
      ...file,
      styles: [{ name: "a", content: "image/resize,w_101" }],
    });
    expect((await jsonOf<{ results: unknown[] }>(direct)).results).toEqual([
      { name: "a", action: "update", status: "applied" },
    ]);
    const audit = await get<{ entries: Array<{ style: string; source?: string }> }>(
      "/api/audit?bucket=ref&style=a",
    );
    expect(audit.entries[0]?.source).toBe("import");
  });

  it("refuses a file that is not ours, naming where", async () => {
    const res = await post("/api/buckets/ref/styles/import?dryRun=true", {
      format: "x",
      version: 2,
      styles: [{}],
    });
    expect(res.status).toBe(400);
    const body = await jsonOf<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe("InvalidImportFile");
    expect(body.error.message).toMatch(/format/);
    expect(body.error.message).toMatch(/styles\.0\.name/);
  });
});

describe("style URLs", () => {
  it("gives the process URL, each active delimiter form and a presigned URL that works", async () => {
    await h.oss.putObject("p/pic.png", png, { bucket: "ref", contentType: "image/png" });
    await h.oss.putProcessConfiguration({ styleDelimiters: ["!", "-"] }, { bucket: "ref" });
    const dto = await get<{
      urls: Array<{ kind: string; delimiter?: string; url: string; expiresAt?: string }>;
    }>("/api/buckets/ref/style-urls?key=p/pic.png&style=a&expires=600");
    expect(dto.urls.map((u) => u.kind + (u.delimiter ?? ""))).toEqual([
      "process",
      "delimiter-",
      "delimiter!",
      "presigned",
    ]);
    expect(dto.urls[0]?.url).toBe(`${h.emulator.endpoint}/ref/p/pic.png?x-oss-process=style%2Fa`);
    expect(dto.urls[2]?.url).toBe(`${h.emulator.endpoint}/ref/p/pic.png!a`);
    const presigned = dto.urls[3];
    expect(presigned?.url).toContain("x-oss-expires=600");
    const fetched = await fetch(presigned?.url ?? "");
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toMatch(/^image\//);
  });
});
