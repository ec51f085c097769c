/**
 * Architecture rules, checked by `npm run arch` (part of `npm test`). See ARCHITECTURE.md.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment:
        "Domain code is plain functions over plain data: no database, HTTP, job, React or framework code, and no I/O.",
      severity: "error",
      from: { path: "^src/modules/[^/]+/domain/" },
      to: {
        path: [
          "^src/platform/(db|http|jobs|ui|boot|main|config|logger)",
          "^src/modules/[^/]+/(store|schema|use-cases|http|jobs|index)",
          "(^|/)node_modules/(drizzle-orm|hono|@hono|react|react-dom|react-router|@react-router|pg|pg-boss|@electric-sql|pino)/",
        ],
      },
    },
    {
      name: "domain-no-node-io",
      severity: "error",
      from: { path: "^src/modules/[^/]+/domain/" },
      to: { dependencyTypes: ["core"], path: "^(node:)?(fs|fs/promises|http|https|net|child_process|worker_threads)$" },
    },
    {
      name: "modules-meet-through-index",
      comment: "A module reaches another only through that module's index.ts, its public surface.",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/modules/([^/]+)/", pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.ts$"] },
    },
    {
      name: "platform-meets-modules-through-index",
      comment:
        "The platform knows modules only at the composition root, through index.ts (db/schema.ts gathers module tables for migrations).",
      severity: "error",
      from: { path: "^src/platform/", pathNot: "^src/platform/db/schema\\.ts$" },
      to: { path: "^src/modules/[^/]+/", pathNot: "^src/modules/[^/]+/index\\.ts$" },
    },
    {
      name: "schema-gathering-only-takes-schemas",
      severity: "error",
      from: { path: "^src/platform/db/schema\\.ts$" },
      to: { path: "^src/modules/[^/]+/", pathNot: "^src/modules/[^/]+/schema\\.ts$" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { pathNot: "\\.test\\.tsx?$" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)\\.react-router/|\\+types/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
  },
};
