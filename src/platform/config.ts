import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable the platform reads, parsed once at boot.
 * The README's configuration table mirrors this schema; `config.test.ts` keeps them in step.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("localhost"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  JOBS: z.enum(["on", "off"]).default("on"),
  REFERENCE_CHECK_CRON: z.string().min(9).default("15 2 * * *"),
  PUBLIC_URL: z.url().optional(),
  DEMO: z.enum(["on", "off"]).optional(),
  UPR_DATA: z.enum(["on", "off"]).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("item10 <no-reply@item10.invalid>"),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("single sign-on"),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env["NODE_ENV"];
  host: string;
  port: number;
  /** Where the embedded database lives when no DATABASE_URL is given. */
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  logLevel: Env["LOG_LEVEL"];
  jobs: { enabled: boolean; referenceCheckCron: string };
  publicUrl: string;
  /** Demo organisations and users (README lists them); never in production. */
  demo: boolean;
  /** Whether the first start loads the 60,728 UPR recommendations and 944 pledges shipped in `reference/upr-info`. */
  uprData: boolean;
  /** Without SMTP, messages stay in the outbox for administrators to read. */
  mail: { smtpUrl: string | null; from: string };
  /** Single sign-on through an OpenID Connect provider, when all three are set. */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcParts > 0 && oidcParts < 3)
    throw new ConfigError(
      "Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three for single sign-on, or none",
    );
  if (e.NODE_ENV === "production" && e.DEMO === "on")
    throw new ConfigError(
      "Invalid configuration:\n  DEMO: demo accounts with published passwords are refused when NODE_ENV=production",
    );
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: path.resolve(e.DATA_DIR) },
    logLevel: e.LOG_LEVEL,
    jobs: { enabled: e.JOBS === "on", referenceCheckCron: e.REFERENCE_CHECK_CRON },
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    demo: e.DEMO ? e.DEMO === "on" : e.NODE_ENV !== "production",
    // Tests start many platforms: each loads the real recommendations only when it asks to.
    uprData: e.UPR_DATA ? e.UPR_DATA === "on" : e.NODE_ENV !== "test",
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME }
        : null,
  };
}

/** The documented variables, for the README check. */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);
