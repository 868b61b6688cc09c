import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, signedRequest, startTestEmulator, type TestEmulator } from "../testing/raw.ts";
import { createFaultPlan, validateFaults } from "./plan.ts";

describe("fault plan", () => {
  it("follows the schedule first, then draws reproducibly from the seed", () => {
    const kinds = (seed: number) => {
      const next = createFaultPlan({
        schedule: ["503", "none", "reset"],
        probabilities: { "500": 0.5 },
        seed,
      });
      return Array.from({ length: 40 }, () => next().kind);
    };
    const a = kinds(7);
    expect(a.slice(0, 3)).toEqual(["503", undefined, "reset"]);
    expect(kinds(7)).toEqual(a);
    const drawn = a.slice(3);
    expect(drawn.filter((k) => k === "500").length).toBeGreaterThan(5);
    expect(drawn.filter((k) => k === undefined).length).toBeGreaterThan(5);
    expect(new Set(drawn)).toEqual(new Set(["500", undefined]));
  });

  it("is off without options, and draws latency inside the range", () => {
    expect(createFaultPlan(undefined)()).toEqual({ kind: undefined, latencyMs: 0 });
    const next = createFaultPlan({ latencyMs: { min: 5, max: 9 } });
    for (let i = 0; i < 20; i++) expect(next().latencyMs).toSatisfy((ms: number) => ms >= 5 && ms <= 9);
  });

  it.each([
    [{ probabilities: { "503": 1.5 } }, /probability 0–1 for fault 503/],
    [{ probabilities: { "503": 0.7, reset: 0.5 } }, /add up to 1.2/],
    [{ probabilities: { teapot: 0.1 } }, /Unknown fault "teapot"/],
    [{ schedule: ["none", "boom"] }, /position 2 of the schedule/],
    [{ latencyMs: { min: 5, max: 1 } }, /latency range/],
    [{ retryAfterSeconds: 1.5 }, /Retry-After as whole seconds/],
  ])("refuses %j", (options, message) => {
    expect(() => validateFaults(options as never)).toThrow(message);
  });
});

describe("faults on the wire", () => {
  let emu: TestEmulator;
  const lines: string[] = [];
  beforeAll(async () => {
    emu = await startTestEmulator({
      log: (line) => lines.push(line),
      // One entry per request below, in order.
      faults: {
        schedule: [
          "503",
          "none",
          "429",
          "reset",
          "none",
          "reset-after-commit",
          "none",
          "none",
          "truncate",
          "none",
          "truncate",
        ],
      },
    });
  });
  afterAll(() => emu.dispose());

  const put = (name: string) =>
    signedRequest(emu.endpoint, {
      method: "PUT",
      bucket: "photos",
      query: [
        ["style", ""],
        ["styleName", name],
      ],
      body: "<Style><Content>image/resize,w_1</Content></Style>",
      headers: { "Content-Type": "application/xml" },
    });
  const get = (name: string) =>
    signedRequest(emu.endpoint, {
      method: "GET",
      bucket: "photos",
      query: [
        ["style", ""],
        ["styleName", name],
      ],
    });

  it("injects each fault before the write takes effect, except reset-after-commit", async () => {
    const unavailable = await put("s503"); // 503
    expect(unavailable.status).toBe(503);
    expect(errorOf(unavailable).Code).toBe("ServiceUnavailable");
    expect(unavailable.headers["x-oss-request-id"]).toBeDefined();
    expect((await get("s503")).status).toBe(404); // none: the 503 applied nothing

    expect((await put("s429")).status).toBe(429); // 429
    await expect(put("sreset")).rejects.toThrow(); // reset
    expect((await get("sreset")).status).toBe(404); // none

    await expect(put("scommit")).rejects.toThrow(); // reset-after-commit
    expect((await get("scommit")).status).toBe(200); // none: that write did apply
    expect(lines.map((l) => l.split(" ")[2])).toEqual(["503", "404", "429", "reset", "404", "reset", "200"]);
  });

  it("cuts a GET body short, and lets other methods through untouched", async () => {
    const body = "x".repeat(10_000);
    const stored = await signedRequest(emu.endpoint, {
      method: "PUT",
      bucket: "photos",
      key: "big.txt",
      body,
    }); // none
    expect(stored.status).toBe(200);
    await expect(
      signedRequest(emu.endpoint, { method: "GET", bucket: "photos", key: "big.txt" }),
    ).rejects.toThrow(); // truncate
    const whole = await signedRequest(emu.endpoint, { method: "GET", bucket: "photos", key: "big.txt" }); // none
    expect(whole.text).toBe(body);
    expect((await put("struncate")).status).toBe(200); // truncate, on a PUT: no effect
  });
});

describe("Retry-After on injected throttling", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ faults: { schedule: ["503", "429", "500"], retryAfterSeconds: 3 } });
  });
  afterAll(() => emu.dispose());

  it("comes with 503 and 429, not with 500", async () => {
    const statuses: Array<[number, string | undefined]> = [];
    for (let i = 0; i < 3; i++) {
      const res = await signedRequest(emu.endpoint, {
        method: "GET",
        bucket: "photos",
        query: [["style", ""]],
      });
      statuses.push([res.status, res.headers["retry-after"]]);
    }
    expect(statuses).toEqual([
      [503, "3"],
      [429, "3"],
      [500, undefined],
    ]);
  });
});
