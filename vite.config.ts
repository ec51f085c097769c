import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  build: { sourcemap: false },
  // Server-only packages stay external: the Node server loads them once from node_modules.
  ssr: { external: ["@electric-sql/pglite", "pg", "pg-boss", "pino"] },
});
