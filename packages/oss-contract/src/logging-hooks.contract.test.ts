import { apiNameOf, type OssResponseInfo } from "@style-console/oss";
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

describe("request hooks with OSS's API names", () => {
  it("see every attempt with OSS's API name, the bucket and the answer; retries included", async () => {
    // The first answer is an injected 503; the client retries it.
    const target = await emulatorTarget({ faults: { schedule: ["503"] } });
    try {
      const before: string[] = [];
      const after: OssResponseInfo[] = [];
      const oss = clientFor(target, {
        retry: { baseDelayMs: 1, maxBackoffMs: 5 },
        hooks: {
          beforeRequest: (info) => {
            before.push(`${apiNameOf(info.operation)}#${info.attempt}`);
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
      expect(after.map((a) => [apiNameOf(a.operation), a.bucket, a.status, a.errorCode])).toEqual([
        ["PutStyle", EMULATOR_BUCKET, 503, "ServiceUnavailable"],
        ["PutStyle", EMULATOR_BUCKET, 200, undefined],
        ["ListStyle", EMULATOR_BUCKET, 200, undefined],
        ["GetStyle", EMULATOR_BUCKET, 404, "NoSuchStyle"],
        ["GetBucketLogging", EMULATOR_BUCKET, 200, undefined],
      ]);
    } finally {
      await target.close();
    }
  });

  it("a beforeRequest that rejects stops the call before anything is sent; a throwing afterResponse is ignored", async () => {
    const target = await emulatorTarget();
    try {
      const statuses: Array<number | undefined> = [];
      const refusing = clientFor(target, {
        hooks: {
          beforeRequest: () => Promise.reject(new Error("budget exhausted")),
          afterResponse: (info) => {
            statuses.push(info.status);
          },
        },
      });
      await expect(refusing.listStyles()).rejects.toMatchObject({
        kind: "aborted",
        message: /budget exhausted/,
      });
      // Nothing was sent, so nothing was answered or reported.
      expect(statuses).toEqual([]);
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
