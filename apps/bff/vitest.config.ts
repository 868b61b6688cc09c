import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A migrated PostgreSQL template per run (src/testing/postgres.ts); the server is made sure of by
    // scripts/ensure-postgres.mjs in `pnpm test`.
    globalSetup: ["src/testing/global-setup.ts"],
    // Each stack opens a database (and the CPU is often shared): leave set-up and tests room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
