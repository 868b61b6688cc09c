import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// In `pnpm dev`, Vite serves the SPA with hot reload and forwards /api to the BFF in watch mode.
const bffOrigin = `http://127.0.0.1:${process.env.PORT ?? "8787"}`;

export default defineConfig({
  plugins: [react()],
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: { "/api": { target: bffOrigin, changeOrigin: false } },
  },
  build: {
    sourcemap: true,
    rolldownOptions: {
      output: {
        // One chunk for everything two or more chunks share (React, TanStack, the API client, i18n, …)
        // instead of one per combination of importers: lazy dialogs and screens then cost the list page
        // no extra split of its shared code (decision 034). The editor's own libraries stay in its chunk.
        codeSplitting: {
          groups: [
            {
              name: "shared",
              minShareCount: 2,
              test: (id: string) => !/@codemirror|@lezer|crelt|style-mod|w3c-keyname/.test(id),
            },
          ],
        },
      },
    },
  },
  test: {
    environment: "jsdom",
  },
});
