import type { ResponseInfo } from "@style-console/oss";
import { describe, expect, it } from "vitest";
import { clientFor, EMULATOR_BUCKET, emulatorTarget } from "./harness.ts";

// The client's bucket-logging calls and its request hooks, against the emulator over loopback.

describe("bucket logging through the client", () => {
  it("puts, reads back and deletes the configuration; off reads as undefined", async () => {
    const target = await emulatorTarget();
    try {
      const oss = clientFor(target);
      expect(await oss.getBucketLogging()).toBeUndefined();
      await oss.putBucketLogging({ targetBucket: EMULATOR_BUCKET, targetPrefix: "日志 & <log>/" });
      expect(await oss.getBucketLogging()).toEqual({
        targetBucket: EMULATOR_BUCKET,
        targetPrefix: "日志 & <log>/",
      });
      await oss.putBucketLogging({ targetBucket: EMULATOR_BUCKET, targetPrefix: "", loggingRole: "Role" });
      expect(await oss.getBucketLogging()).toEqual({
        targetBucket: EMULATOR_BUCKET,
        targetPrefix: "",
        loggingRole: "Role",
      });
      await oss.putBucketLogging(undefined);
      expect(await oss.getBucketLogging()).toBeUndefined();
      await oss.putBucketLogging({ targetBucket: EMULATOR_BUCKET, targetPrefix: "x/" });
      await oss.deleteBucketLogging();
      await oss.deleteBucketLogging();
      expect(await oss.getBucketLogging()).toBeUndefined();
      await expect(
        oss.putBucketLogging({ targetBucket: "no-such-bucket", targetPrefix: "" }),
      ).rejects.toMatchObject({
        status: 400,
        code: "InvalidTargetBucketForLogging",
      });
    } finally {
      await target.close();
    }
  });
});

describe("request hooks", () => {
  it("see every attempt with OSS's API name, the bucket and the answer; retries included", async () => {
    // The first answer is an injected 503; the client retries it.
    const target = await emulatorTarget({ faults: { schedule: ["503"] } });
    try {
      const before: string[] = [];
      const after: ResponseInfo[] = [];
      const oss = clientFor(target, {
        retry: { baseDelayMs: 1, maxBackoffMs: 5 },
        hooks: {
          beforeRequest: (info) => {
            before.push(`${info.api}#${info.attempt}`);
          },
          afterResponse: (info) => {
            after.push(info);
          },
        },
      });
      await oss.putStyle("hooked", "image/resize,w_10");
      await oss.listStyles();
      await expect(oss.getStyle("absent")).rejects.toMatchObject({ code: "NoSuchStyle" });
      await oss.getBucketLogging();
      expect(before).toEqual(["PutStyle#1", "PutStyle#2", "ListStyle#1", "GetStyle#1", "GetBucketLogging#1"]);
      expect(after.map((a) => [a.api, a.bucket, a.status, a.error?.code])).toEqual([
        ["PutStyle", EMULATOR_BUCKET, 503, "ServiceUnavailable"],
        ["PutStyle", EMULATOR_BUCKET, 200, undefined],
        ["ListStyle", EMULATOR_BUCKET, 200, undefined],
        ["GetStyle", EMULATOR_BUCKET, 404, "NoSuchStyle"],
        ["GetBucketLogging", EMULATOR_BUCKET, 200, undefined],
      ]);
      expect(after.every((a) => /^[0-9A-F]{24}$/.test(a.requestId ?? ""))).toBe(true);
    } finally {
      await target.close();
    }
  });

  it("a beforeRequest that rejects stops the call before anything is sent; a throwing afterResponse is ignored", async () => {
    const target = await emulatorTarget();
    try {
      let sent = 0;
      const refusing = clientFor(target, {
        hooks: {
          beforeRequest: () => Promise.reject(new Error("budget exhausted")),
          afterResponse: () => {
            sent++;
          },
        },
      });
      await expect(refusing.listStyles()).rejects.toMatchObject({
        kind: "aborted",
        message: /budget exhausted/,
      });
      expect(sent).toBe(0);
      const throwing = clientFor(target, {
        hooks: {
          afterResponse: () => {
            throw new Error("broken hook");
          },
        },
      });
      await expect(throwing.listStyles()).resolves.toEqual([]);
    } finally {
      await target.close();
    }
  });
});
