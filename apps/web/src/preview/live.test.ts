import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLiveLoader } from "./live.ts";

interface Call {
  url: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

function setup(delayMs = 120) {
  const calls: Call[] = [];
  const results: Array<[string, string]> = [];
  const errors: Array<[string, unknown]> = [];
  const loader = createLiveLoader<string>({
    delayMs,
    now: () => Date.now(),
    load: (url, signal) =>
      new Promise((resolve, reject) => {
        calls.push({ url, signal, resolve, reject });
      }),
    onResult: (url, value) => results.push([url, value]),
    onError: (url, error) => errors.push([url, error]),
  });
  return { loader, calls, results, errors };
}

describe("createLiveLoader", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("fetches the first edit after a pause at once", () => {
    const { loader, calls } = setup();
    loader.request("a");
    expect(calls.map((c) => c.url)).toEqual(["a"]);
  });

  it("coalesces a burst into its last value, fetched once typing pauses", () => {
    const { loader, calls } = setup();
    loader.request("w_3");
    vi.advanceTimersByTime(50);
    loader.request("w_30");
    vi.advanceTimersByTime(50);
    loader.request("w_300");
    vi.advanceTimersByTime(119);
    expect(calls.map((c) => c.url)).toEqual(["w_3"]);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => c.url)).toEqual(["w_3", "w_300"]);
  });

  it("aborts the request in flight when a newer one fires, and drops its late answer", async () => {
    const { loader, calls, results } = setup();
    loader.request("old");
    vi.advanceTimersByTime(10);
    loader.request("new");
    vi.advanceTimersByTime(120);
    const [old, next] = calls;
    expect(old?.signal.aborted).toBe(true);
    expect(next?.signal.aborted).toBe(false);
    old?.resolve("old image");
    next?.resolve("new image");
    await vi.runAllTimersAsync();
    expect(results).toEqual([["new", "new image"]]);
  });

  it("reports errors of the current request only", async () => {
    const { loader, calls, errors } = setup();
    loader.request("bad");
    calls[0]?.reject(new Error("400"));
    await vi.runAllTimersAsync();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[0]).toBe("bad");
  });

  it("does not refetch the value already loading, and cancels a pending one when the text comes back", () => {
    const { loader, calls } = setup();
    loader.request("a");
    loader.request("ab");
    loader.request("a");
    vi.advanceTimersByTime(500);
    expect(calls.map((c) => c.url)).toEqual(["a"]);
  });

  it("stops everything on dispose", async () => {
    const { loader, calls, results } = setup();
    loader.request("a");
    loader.request("b");
    loader.dispose();
    vi.advanceTimersByTime(500);
    expect(calls.map((c) => c.url)).toEqual(["a"]);
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.resolve("x");
    await vi.runAllTimersAsync();
    expect(results).toEqual([]);
  });

  it("fetches a failed URL again when it is asked for again, or retried", async () => {
    const { loader, calls, results, errors } = setup();
    loader.request("flaky");
    calls[0]?.reject(new Error("502"));
    await vi.runAllTimersAsync();
    expect(errors.map(([url]) => url)).toEqual(["flaky"]);
    loader.request("flaky");
    vi.advanceTimersByTime(120);
    expect(calls.map((c) => c.url)).toEqual(["flaky", "flaky"]);
    calls[1]?.reject(new Error("504"));
    await vi.runAllTimersAsync();
    loader.retry();
    expect(calls.map((c) => c.url)).toEqual(["flaky", "flaky", "flaky"]);
    calls[2]?.resolve("image");
    await vi.runAllTimersAsync();
    expect(results).toEqual([["flaky", "image"]]);
  });

  it("retries the latest request, even one still waiting out the debounce, and nothing after dispose", () => {
    const { loader, calls } = setup();
    loader.request("a");
    loader.request("ab");
    loader.retry();
    expect(calls.map((c) => c.url)).toEqual(["a", "ab"]);
    expect(calls[0]?.signal.aborted).toBe(true);
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(2);
    loader.dispose();
    loader.retry();
    expect(calls).toHaveLength(2);
  });

  it("keeps ignoring a repeat of a URL that loaded", async () => {
    const { loader, calls } = setup();
    loader.request("ok");
    calls[0]?.resolve("image");
    await vi.runAllTimersAsync();
    loader.request("ok");
    expect(calls).toHaveLength(1);
  });
});
