import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ParityDto } from "@style-console/contract/dto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  errorOf,
  type Harness,
  jsonOf,
  SAMPLES_DIR,
  startHarness,
} from "../../testing/harness.ts";

let h: Harness;
const parity = (source: string, process: string) =>
  h.request(
    `/api/preview/parity?source=${encodeURIComponent(source)}&process=${encodeURIComponent(process)}`,
    {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    },
  );

beforeAll(async () => {
  h = await startHarness();
  await h.oss.putObject("street.jpg", readFileSync(join(SAMPLES_DIR, "2569067123_aca715a2ee_o.jpg")), {
    bucket: "photos",
  });
  await h.oss.putStyle("card", "image/resize,m_fill,w_320,h_200/rounded-corners,r_16/format,png", {
    bucket: "photos",
  });
});
afterAll(() => h.close());

describe("GET /api/preview/parity (the emulator renders with our package)", () => {
  it.each([
    ["a resize to WebP", "image/resize,w_500/format,webp"],
    ["a crop, rotate and quality", "image/crop,w_800,h_600,g_center/rotate,90/quality,q_70"],
    ["a saved style, resolved by the backend itself", "style/card"],
  ])("%s: same facts, similarity ≥ 0.99", async (_, process) => {
    const res = await parity("object:photos/street.jpg", process);
    expect(res.status).toBe(200);
    const body = await jsonOf<ParityDto>(res);
    expect(body.remoteError).toBeNull();
    const { local, remote } = body;
    expect(remote).toEqual({ ...local, bytes: expect.any(Number) });
    expect(remote?.bytes).toBeGreaterThan(0);
    expect(body.similarity).toBeGreaterThanOrEqual(0.99);
    expect(body.method).toMatch(/64×64/);
  });

  it("scores a different rendering lower: the score can fail", async () => {
    // Local and remote agree, so compare the similarity function itself on two different drafts.
    const { similarity } = await import("@style-console/imgproc/render");
    const street = readFileSync(join(SAMPLES_DIR, "2569067123_aca715a2ee_o.jpg"));
    const flowers = readFileSync(join(SAMPLES_DIR, "flowers.jpeg"));
    expect(await similarity(street, street)).toBe(1);
    expect(await similarity(street, flowers)).toBeLessThan(0.9);
  });

  it("reports a BMP from the backend by its magic number, with no score (libvips cannot read BMP)", async () => {
    const body = await jsonOf<ParityDto>(
      await parity("object:photos/street.jpg", "image/resize,w_100/format,bmp"),
    );
    expect(body.local).toMatchObject({ format: "bmp", width: 100, height: 82 });
    expect(body.remote?.format).toBe("bmp");
    expect(body.remote?.bytes).toBe(body.local.bytes);
    expect(body.similarity).toBeNull();
  });

  it("compares info JSON by value", async () => {
    const body = await jsonOf<ParityDto>(await parity("object:photos/street.jpg", "image/info"));
    expect(body.local.format).toBe("json");
    expect(body.similarity).toBe(1);
  });

  it("needs an object source", async () => {
    const res = await parity("sample:flowers", "image/resize,w_10");
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.code).toBe("InvalidSource");
  });
});
