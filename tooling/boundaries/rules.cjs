/**
 * Who may import what. ARCHITECTURE.md explains the why; this file makes a violation fail `pnpm test`.
 * Paths are relative to the repository root, where check.mjs runs dependency-cruiser.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const browserCode = "^(apps/web/src|packages/imgproc/src/syntax|packages/contract/src)/";

module.exports = {
  forbidden: [
    {
      name: "browser-code-uses-no-node-builtins",
      comment: "The SPA and the syntax half of imgproc run in the browser: no node:* modules.",
      severity: "error",
      from: { path: browserCode },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "browser-code-uses-no-node-packages",
      comment: "sharp, the OSS client's XML and server libraries are Node-only.",
      severity: "error",
      from: { path: browserCode },
      to: { path: "node_modules/(sharp|@img|fast-xml-parser|@hono/node-server|ali-oss|esbuild)/" },
    },
    {
      name: "web-imports-only-browser-halves",
      comment:
        "The SPA may import the contract and the syntax half of imgproc; everything else of packages and the BFF only as types (AppType).",
      severity: "error",
      from: { path: "^apps/web/src/" },
      to: {
        path: "^(packages|apps/bff)/",
        pathNot: "^packages/(imgproc/src/syntax|contract/src)/",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "syntax-half-stays-pure",
      comment: "imgproc/syntax must not pull in the render half (sharp) or anything else of the package.",
      severity: "error",
      from: { path: "^packages/imgproc/src/syntax/" },
      to: { path: "^packages/imgproc/src/", pathNot: "^packages/imgproc/src/syntax/" },
    },
    {
      name: "contract-depends-on-nothing-but-zod",
      comment:
        "The contract is imported by everything, browser included: it may use zod and itself, nothing else of the repo or npm. Its tests may use the test runner.",
      severity: "error",
      from: { path: "^packages/contract/src/", pathNot: "\\.test\\.ts$" },
      to: {
        pathNot: ["^packages/contract/src/", "node_modules/zod/"],
        dependencyTypesNot: ["core"],
      },
    },
    {
      name: "bff-does-no-sharp-work",
      comment:
        "Every decode, probe and limit goes through imgproc/render, the one place that holds limitInputPixels, failOn and the format names. Tests may still make fixture images with sharp.",
      severity: "error",
      from: { path: "^apps/bff/", pathNot: "\\.test\\.ts$" },
      to: { path: "node_modules/(sharp|@img)/" },
    },
    {
      name: "bff-never-imports-web",
      comment:
        "The BFF serves the SPA's built files; it does not import them. One test imports the SPA's name check to prove both agree.",
      severity: "error",
      from: { path: "^apps/bff/", pathNot: "^apps/bff/src/styles/name-verdicts\\.test\\.ts$" },
      to: { path: "^apps/web/" },
    },
    {
      name: "e2e-drives-the-stack",
      comment: "The browser suite drives the running console; it imports no app or package code.",
      severity: "error",
      from: { path: "^e2e/" },
      to: { path: "^(apps|packages)/" },
    },
    {
      name: "packages-never-import-apps",
      comment: "Packages are reusable building blocks; apps depend on them, never the reverse.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "no-unresolvable-imports",
      severity: "error",
      from: { path: "^(apps|packages|e2e)/" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    doNotFollow: { path: "node_modules" },
    // Only the repository's own output folders: a package in node_modules may keep its code in dist/
    // (sharp does), and excluding it would drop the import itself, with every rule about it.
    exclude: {
      path: [
        "^(apps|packages|tooling)/[^/]+/(dist|\\.turbo|\\.data|test-results|playwright-report)/",
        "^e2e/(dist|\\.turbo|test-results|playwright-report)/",
        "^\\.data/",
      ],
    },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types"],
    },
  },
};
