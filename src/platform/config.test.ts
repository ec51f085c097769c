import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ConfigError, ENV_VARIABLES, loadConfig } from "./config";

describe("loadConfig", () => {
  it("runs on the embedded database in ./data on localhost:3000 by default", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: "localhost", port: 3000, env: "development", jobs: { enabled: true } });
    expect(config.database.kind).toBe("pglite");
    expect(config.database.kind === "pglite" && config.database.dataDir).toMatch(/\/data$/);
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("switches to PostgreSQL when DATABASE_URL is set", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@db:5432/item10" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u@db:5432/item10",
    });
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ JOBS: "maybe" }, "JOBS"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("refuses %o, naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}:`));
  });
});

it("documents every environment variable in the README", async () => {
  const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
  for (const name of ENV_VARIABLES) expect(readme, name).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
});
