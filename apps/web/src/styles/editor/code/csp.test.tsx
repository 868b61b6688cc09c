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
// Read as text (Vite's raw import), not imported as code: the SPA may not depend on the BFF
// (tooling/boundaries), nor use Node built-ins, so the hash is WebCrypto's.
const policySource = Object.values(
  import.meta.glob("../../../../../bff/src/http/security-headers.ts", {
    query: "?raw",
    import: "default",
    eager: true,
  }) as Record<string, string>,
).join("");

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

describe("the editor's injected styles", () => {
  it("are each allowed by a SHA-256 in the BFF's Content-Security-Policy", async () => {
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
    const hashes = await Promise.all(
      [...document.querySelectorAll("style")].map((style) => sha256Base64(style.textContent ?? "")),
    );
    expect(policySource, "the policy file was read").toContain("CODEMIRROR_STYLE_HASHES");
    expect(hashes.length, "CodeMirror injected its stylesheet").toBeGreaterThan(0);
    for (const hash of hashes) {
      expect(policySource, `add "${hash}" to CODEMIRROR_STYLE_HASHES`).toContain(`"${hash}"`);
    }
  });
});
