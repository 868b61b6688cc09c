import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../testing/raw.ts";

// Issue 14, part 7: no request may write a control character into the emulator's log.

const lines: string[] = [];
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ log: (line) => lines.push(line) });
});
afterAll(() => emu.dispose());

function raw(target: string): Promise<void> {
  const { hostname, port } = new URL(emu.endpoint);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.end(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`, "latin1");
    });
    socket.on("data", () => {});
    socket.on("close", () => resolve());
    socket.on("error", () => resolve());
  });
}

describe("the emulator's request log", () => {
  it("writes each request on one line, with control characters in the target escaped", async () => {
    await raw("/photos/a\x1b[31mred\x7f");
    await raw("/photos/%0D%0Aforged%1B");
    const logged = lines.join("\n");
    for (const control of ["\r", "\u001b", "\u007f"]) expect(logged).not.toContain(control);
    expect(lines.every((line) => !line.includes("\n"))).toBe(true);
    expect(logged).toContain("/photos/%0D%0Aforged%1B");
  });
});
