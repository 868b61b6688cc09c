// Proves the rules in rules.cjs catch what ARCHITECTURE.md forbids, by cruising small throwaway trees
// laid out like the repository (the rules match repository paths).

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const depcruise = join(here, "node_modules", ".bin", "depcruise");
const trees = [];
after(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

/** Writes `files` (path → source) into a new tree and cruises it; returns the exit status and output. */
function cruise(files) {
  const root = mkdtempSync(join(tmpdir(), "boundaries-"));
  trees.push(root);
  const base = {
    // As the real sharp is laid out: its code under dist/, which the repository's own dist/ exclusion
    // once swallowed, dropping every sharp import with the rules about it.
    "node_modules/sharp/package.json": '{"name":"sharp","main":"dist/index.js"}',
    "node_modules/sharp/dist/index.js": "module.exports = {};",
    "node_modules/vitest/package.json": '{"name":"vitest","main":"dist/index.js"}',
    "node_modules/vitest/dist/index.js": "module.exports = {};",
    "packages/imgproc/src/syntax/index.ts": "export const parse = (s: string) => s;",
    "packages/contract/src/names/index.ts": "export const isStyleName = (s: string) => s.length > 0;",
    "node_modules/zod/package.json": '{"name":"zod","main":"index.js"}',
    "node_modules/zod/index.js": "module.exports = {};",
    "packages/imgproc/src/render/index.ts": 'import sharp from "sharp";\nexport const render = sharp;',
    "apps/bff/src/app.ts":
      'import { readFileSync } from "node:fs";\nexport type AppType = typeof readFileSync;',
    "apps/web/src/names.ts": "export const isName = (s: string) => s.length > 0;",
    "e2e/fixtures/stack.ts": "export const port = 8080;",
  };
  for (const [path, source] of Object.entries({ ...base, ...files })) {
    mkdirSync(join(root, dirname(path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  const result = spawnSync(
    depcruise,
    ["--config", join(here, "rules.cjs"), "--output-type", "err", "apps", "packages", "e2e"],
    { cwd: root, encoding: "utf8" },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("import boundaries", () => {
  it("accept the allowed shapes", () => {
    const { status, output } = cruise({
      "apps/web/src/ok.ts": [
        'import { parse } from "../../../packages/imgproc/src/syntax/index.ts";',
        'import type { AppType } from "../../bff/src/app.ts";',
        'import { isStyleName } from "../../../packages/contract/src/names/index.ts";',
        "export const x: AppType | typeof parse | typeof isStyleName = parse;",
      ].join("\n"),
    });
    assert.equal(status, 0, output);
  });

  const violations = [
    [
      "a web module importing node:fs",
      "browser-code-uses-no-node-builtins",
      'import { readFileSync } from "node:fs";\nexport const r = readFileSync;',
    ],
    [
      "a web module importing sharp",
      "browser-code-uses-no-node-packages",
      'import sharp from "sharp";\nexport const s = sharp;',
    ],
    [
      "a web module importing the render half",
      "web-imports-only-browser-halves",
      'import { render } from "../../../packages/imgproc/src/render/index.ts";\nexport const r = render;',
    ],
    [
      "a web module importing BFF code at run time",
      "web-imports-only-browser-halves",
      'import * as app from "../../bff/src/app.ts";\nexport const a = app;',
    ],
  ];
  for (const [what, rule, source] of violations) {
    it(`refuse ${what}`, () => {
      const { status, output } = cruise({ "apps/web/src/bad.ts": source });
      assert.notEqual(status, 0, output);
      assert.match(output, new RegExp(rule));
    });
  }

  it("refuse the syntax half importing node builtins or the render half", () => {
    const { status, output } = cruise({
      "packages/imgproc/src/syntax/bad.ts": 'import "node:path";\nimport "../render/index.ts";',
    });
    assert.notEqual(status, 0, output);
    assert.match(output, /browser-code-uses-no-node-builtins/);
    assert.match(output, /syntax-half-stays-pure/);
  });

  it("refuse the contract importing node builtins, sharp, another package or an app", () => {
    const { status, output } = cruise({
      "packages/contract/src/bad.ts": [
        'import "node:fs";',
        'import "sharp";',
        'import "../../imgproc/src/syntax/index.ts";',
        'import "../../../apps/bff/src/app.ts";',
      ].join("\n"),
      "packages/contract/src/ok.ts": 'import "zod";\nimport "./names/index.ts";',
      "packages/contract/src/names/names-ok.test.ts": 'import "vitest";\nimport "./index.ts";',
    });
    assert.notEqual(status, 0, output);
    assert.match(output, /browser-code-uses-no-node-builtins/);
    assert.match(output, /browser-code-uses-no-node-packages/);
    for (const target of ["sharp", "imgproc", "apps/bff"]) {
      assert.match(
        output,
        new RegExp(`contract-depends-on-nothing-but-zod: packages/contract/src/bad\\.ts → \\S*${target}`),
      );
    }
    assert.doesNotMatch(output, /ok\.ts/);
    assert.doesNotMatch(output, /names-ok\.test\.ts/);
  });

  it("refuse the BFF importing sharp, and let its tests make fixtures with it", () => {
    const { status, output } = cruise({
      "apps/bff/src/preview/bad.ts": 'import sharp from "sharp";\nexport const s = sharp;',
      "apps/bff/src/preview/ok.test.ts": 'import sharp from "sharp";\nexport const s = sharp;',
    });
    assert.notEqual(status, 0, output);
    assert.match(output, /bff-does-no-sharp-work: apps\/bff\/src\/preview\/bad\.ts → \S*sharp/);
    assert.doesNotMatch(output, /ok\.test\.ts/);
  });

  it("refuse the BFF importing the SPA, except the one name-verdict test", () => {
    const { status, output } = cruise({
      "apps/bff/src/styles/bad.ts": 'import "../../../web/src/names.ts";',
      "apps/bff/src/styles/name-verdicts.test.ts": 'import "../../../web/src/names.ts";',
    });
    assert.notEqual(status, 0, output);
    assert.match(output, /bff-never-imports-web: apps\/bff\/src\/styles\/bad\.ts → apps\/web\/src\/names\.ts/);
    assert.doesNotMatch(output, /name-verdicts/);
  });

  it("refuse the browser suite importing app or package code", () => {
    const { status, output } = cruise({
      "e2e/tests/bad.spec.ts": 'import "../../apps/bff/src/app.ts";\nimport "../../packages/contract/src/names/index.ts";',
    });
    assert.notEqual(status, 0, output);
    assert.match(output, /e2e-drives-the-stack: e2e\/tests\/bad\.spec\.ts → apps\/bff/);
    assert.match(output, /e2e-drives-the-stack: e2e\/tests\/bad\.spec\.ts → packages\/contract/);
  });

  it("refuse a package importing an app", () => {
    const { status, output } = cruise({
      "packages/oss/src/bad.ts": 'import "../../../apps/bff/src/app.ts";',
    });
    assert.notEqual(status, 0, output);
    assert.match(output, /packages-never-import-apps/);
  });
});

describe("no name rule outside the contract package", () => {
  /** Writes `files` into a new tree and scans it with name-rules.mjs; returns the exit status and output. */
  function scan(files) {
    const root = mkdtempSync(join(tmpdir(), "name-rules-"));
    trees.push(root);
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), source);
    }
    const result = spawnSync(process.execPath, [join(here, "name-rules.mjs"), root], { encoding: "utf8" });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it("accepts the rules inside packages/contract, in tests and in comments", () => {
    const { status, output } = scan({
      "packages/contract/src/names/style-name.ts": "const C = /^[A-Za-z0-9_.-]$/; const K = 1023;",
      "apps/web/src/name.test.ts": "const names = /^[A-Za-z0-9_.-]{1,63}$/;",
      "apps/bff/src/ok.ts": "// OSS keys are 1023 bytes at most; see the contract.\nexport const x = 1;",
    });
    assert.equal(status, 0, output);
  });

  const copies = [
    [
      "a style-name alphabet in the SPA",
      "apps/web/src/lib/name.ts",
      "const ok = /^[A-Za-z0-9_.-]$/;",
      "style-name alphabet",
    ],
    [
      "a style-name length in imgproc",
      "packages/imgproc/src/syntax/x.ts",
      "if (name.length > 63) throw 1;",
      "style name length",
    ],
    [
      "a bucket-name rule in the client",
      "packages/oss/src/client/b.ts",
      "const b = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;",
      "bucket-name alphabet",
    ],
    [
      "a region prefix rule in the BFF",
      "apps/bff/src/env.ts",
      'const bad = (r: string) => r.startsWith("oss-");',
      "region oss- prefix",
    ],
    [
      "an object-key limit in the emulator",
      "packages/oss-emulator/src/k.ts",
      "if (bytes > 1023) throw 1;",
      "object-key byte limit",
    ],
    [
      "a username alphabet in the BFF",
      "apps/bff/src/users/schemas.ts",
      "export const USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;",
      "username alphabet",
    ],
    [
      "a username clean-up in single sign-on",
      "apps/bff/src/auth/oidc-routes.ts",
      'const base = preferred.toLowerCase().replace(/[^a-z0-9._@-]+/g, "-");',
      "username alphabet",
    ],
    [
      "forbidden content characters in the emulator",
      "packages/oss-emulator/src/c.ts",
      "const f = /[;()'*?]/;",
      "style content forbidden characters",
    ],
  ];
  for (const [what, path, source, rule] of copies) {
    it(`refuse ${what}`, () => {
      const { status, output } = scan({ [path]: source });
      assert.notEqual(status, 0, output);
      assert.match(
        output,
        new RegExp(`no-name-rule-outside-contract: ${path.replace(/[.]/g, "\\.")}:1 holds a ${rule}`),
      );
    });
  }
});
