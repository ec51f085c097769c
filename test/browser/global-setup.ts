import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startServerProcess } from "../support/server-process";

/** One real server, started as `npm start` starts it, on a fresh embedded database, for every browser test. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "item10-browser-"));
  const server = await startServerProcess({ DATA_DIR: dataDir });
  project.provide("baseUrl", server.url);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
