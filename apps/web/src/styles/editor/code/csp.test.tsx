// biome-ignore lint/correctness/noNodejsModules: a test, run by Node; it reads and hashes the BFF's policy
import { createHash } from "node:crypto";
// biome-ignore lint/correctness/noNodejsModules: a test, run by Node; it reads and hashes the BFF's policy
import { readFileSync } from "node:fs";
// biome-ignore lint/correctness/noNodejsModules: a test, run by Node; it reads and hashes the BFF's policy
import { resolve } from "node:path";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import StyleCodeEditor from "./StyleCodeEditor.tsx";

/**
 * The BFF's Content-Security-Policy allows CodeMirror's `<style>` element by the SHA-256 of its text
 * (apps/bff/src/http/security-headers.ts, `CODEMIRROR_STYLE_HASHES`). style-mod writes every mounted
 * style module into that one element, so a CodeMirror upgrade or a new extension changes its text and
 * hash; the browser would then refuse the editor's styles. This test mounts the real editor and fails,
 * naming the hash to add, before any browser sees it.
 */
// Read as text, not imported: the SPA may not depend on the BFF (tooling/boundaries). Vitest runs in
// the workspace folder (apps/web).
const policySource = readFileSync(resolve(process.cwd(), "../bff/src/http/security-headers.ts"), "utf8");

describe("the editor's injected styles", () => {
  it("are each allowed by a SHA-256 in the BFF's Content-Security-Policy", () => {
    render(
      <StyleCodeEditor
        id="content"
        labelledBy="content-label"
        describedBy="content-help"
        value="image/resize,w_abc"
        onChange={() => {}}
        issues={[{ offset: 15, length: 3, message: "not a number", severity: "error" }]}
        invalid={true}
        placeholderText="image/…"
        onPasteReading={() => {}}
      />,
    );
    const hashes = [...document.querySelectorAll("style")].map((style) =>
      createHash("sha256")
        .update(style.textContent ?? "")
        .digest("base64"),
    );
    expect(hashes.length, "CodeMirror injected its stylesheet").toBeGreaterThan(0);
    for (const hash of hashes) {
      expect(policySource, `add "${hash}" to CODEMIRROR_STYLE_HASHES`).toContain(`"${hash}"`);
    }
  });
});
