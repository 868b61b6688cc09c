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
  build: { sourcemap: true },
  test: {
    environment: "jsdom",
  },
});
