import { defineConfig } from "vitest/config";

/** Browser journeys against a real server process and Debian's Chromium (needs `npm run build` first). */
export default defineConfig({
  test: {
    name: "browser",
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Two cores: one Chromium at a time keeps timings sane.
    fileParallelism: false,
  },
});
