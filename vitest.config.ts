import { defineConfig } from "vitest/config";

/**
 * `unit`: pure code, no I/O. `db`: use cases, stores and HTTP against a real database
 * (PGlite by default; PostgreSQL when ITEM10_TEST_DB=postgres, see scripts/test.ts).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
          exclude: ["**/*.db.test.{ts,tsx}"],
        },
      },
      {
        test: {
          name: "db",
          include: ["src/**/*.db.test.{ts,tsx}", "test/**/*.db.test.ts"],
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
