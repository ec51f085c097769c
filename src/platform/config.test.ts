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

describe("what may run where", () => {
  it("refuses demo accounts with published passwords in production, and creates none there by default", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DEMO: "on" })).toThrow(/DEMO/);
    expect(loadConfig({ NODE_ENV: "production" }).demo).toBe(false);
    expect(loadConfig({}).demo).toBe(true);
  });

  it("turns single sign-on on only with issuer, client id and secret together", () => {
    expect(() => loadConfig({ OIDC_ISSUER: "https://id.example.org" })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/,
    );
    expect(
      loadConfig({ OIDC_ISSUER: "https://id.example.org", OIDC_CLIENT_ID: "item10", OIDC_CLIENT_SECRET: "s" }).oidc,
    ).toMatchObject({
      issuer: "https://id.example.org",
      name: "single sign-on",
    });
    expect(loadConfig({}).oidc).toBeNull();
  });

  it("sends mail only when SMTP is configured", () => {
    expect(loadConfig({}).mail.smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: "smtp://mail.example.org:587" }).mail.smtpUrl).toBe("smtp://mail.example.org:587");
    expect(() => loadConfig({ SMTP_URL: "mail.example.org" })).toThrow(/SMTP_URL/);
  });
});

it("documents every environment variable in the README", async () => {
  const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
  for (const name of ENV_VARIABLES) expect(readme, name).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
});
