import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

/** Packages that only ever run on the server. */
const SERVER_ONLY = [
  "@electric-sql/pglite",
  "pg",
  "pg-boss",
  "pino",
  "@node-rs/argon2",
  "otplib",
  "qrcode",
  "csv-stringify",
  "@zxcvbn-ts/language-common",
  "openid-client",
  "nodemailer",
  "exceljs",
];

export default defineConfig({
  plugins: [reactRouter()],
  build: { sourcemap: false },
  environments: {
    client: {
      build: {
        rolldownOptions: {
          // Pages ship no script (decision 004), but React Router still builds a client bundle.
          // Server-only packages reachable through a module's index stay out of it: left external,
          // then dropped, since our modules have no import side effects.
          treeshake: { moduleSideEffects: (id: string) => id.endsWith(".css") },
          external: (id: string) =>
            id.startsWith("node:") || SERVER_ONLY.some((p) => id === p || id.startsWith(`${p}/`)),
        },
      },
    },
  },
  // Server-only packages stay external: the Node server loads them once from node_modules.
  ssr: { external: SERVER_ONLY },
});
