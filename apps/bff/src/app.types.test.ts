import type { AuditPageDto, BucketDto, ObjectPage, ParityDto, StyleDto } from "@style-console/contract/dto";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { AppType } from "./app.ts";
import type { SampleDto } from "./preview/sources/sample.ts";
import { type Harness, startHarness } from "./testing/harness.ts";
import type { SessionDto } from "./users/user-dto.ts";

// The SPA's view of the API: `hc<AppType>` must know every route's input and output (tsc checks the
// expectTypeOf lines), and the typed client must work against the real app.
type Client = ReturnType<typeof hc<AppType>>;
type Styles = Client["buckets"][":bucket"]["styles"];

describe("AppType", () => {
  it("types every route's success body", () => {
    expectTypeOf<InferResponseType<Client["buckets"]["$get"], 200>>().toEqualTypeOf<BucketDto[]>();
    expectTypeOf<InferResponseType<Styles["$get"], 200>>().toEqualTypeOf<{ styles: StyleDto[] }>();
    expectTypeOf<InferResponseType<Styles["$post"], 201>>().toEqualTypeOf<StyleDto>();
    expectTypeOf<InferResponseType<Styles[":name"]["$put"], 200>>().toEqualTypeOf<StyleDto>();
    expectTypeOf<InferResponseType<Client["session"]["$post"], 200>>().toEqualTypeOf<SessionDto>();
    expectTypeOf<InferResponseType<Client["audit"]["$get"], 200>>().toEqualTypeOf<AuditPageDto>();
    expectTypeOf<InferResponseType<Client["validate"]["$post"], 200>["errors"][number]>().toHaveProperty(
      "offset",
    );
  });

  it("types the preview routes: samples, bucket objects, preview and parity queries", () => {
    expectTypeOf<InferResponseType<Client["samples"]["$get"], 200>>().toEqualTypeOf<{
      samples: SampleDto[];
    }>();
    expectTypeOf<InferResponseType<Client["samples"]["$post"], 201>>().toEqualTypeOf<SampleDto>();
    expectTypeOf<
      InferResponseType<Client["buckets"][":bucket"]["objects"]["$get"], 200>
    >().toEqualTypeOf<ObjectPage>();
    expectTypeOf<InferResponseType<Client["preview"]["parity"]["$get"], 200>>().toEqualTypeOf<ParityDto>();
    type PreviewQuery = InferRequestType<Client["preview"]["$get"]>["query"];
    // Hono types a required query field as `string | string[]` (a repeated key is an array) once
    // `exactOptionalPropertyTypes` is on; the validator still takes one string.
    expectTypeOf<PreviewQuery>().toEqualTypeOf<{
      source: string | string[];
      process?: string | undefined;
      bucket?: string | undefined;
    }>();
  });

  it("types the request bodies from the zod schemas", () => {
    type Create = InferRequestType<Styles["$post"]>["json"];
    expectTypeOf<Create>().toEqualTypeOf<{
      name: string;
      content: string;
      category?: "image" | "document" | "video" | undefined;
    }>();
    type Update = InferRequestType<Styles[":name"]["$put"]>["json"];
    expectTypeOf<Update["expectedLastModifyTime"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("the typed client against the real app", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it("creates and lists a style through hc<AppType>", async () => {
    const client = hc<AppType>("http://localhost/api", {
      fetch: (input: string | URL | Request, init?: RequestInit) => h.request(String(input), init),
      headers: { Authorization: h.bearer.Authorization ?? "" },
    });
    const created = await client.buckets[":bucket"].styles.$post({
      param: { bucket: "photos" },
      json: { name: "typed", content: "image/resize,w_42" },
    });
    expect(created.status).toBe(201);
    const list = await client.buckets[":bucket"].styles.$get({ param: { bucket: "photos" } });
    if (list.status !== 200) throw new Error(`unexpected ${list.status}`);
    expect((await list.json()).styles.map((s) => s.name)).toContain("typed");
  });
});
