import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startServerProcess } from "../support/server-process";

/**
 * One real server, started as `npm start` starts it on a fresh clone: a fresh embedded database
 * that loads the 60,728 real UPR recommendations and 944 pledges in the background. The search
 * page is read once while the load runs (its progress must show), then every test waits for the end.
 */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "item10-browser-"));
  const server = await startServerProcess({ DATA_DIR: dataDir, UPR_DATA: "on" });
  const duringLoad = await (await fetch(`${server.url}/en/recommendations`)).text();
  await server.waitForLine((l) => l.msg === "import run ended" && /pledges/.test(l.file), 240_000);
  project.provide("baseUrl", server.url);
  project.provide("searchPageDuringFirstLoad", duringLoad);
  project.provide(
    "firstLoadRuns",
    server.lines
      .filter((l) => l.msg === "import run ended")
      .map(({ file, rows, created, rejected }) => ({ file, rows, created, rejected })),
  );
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    searchPageDuringFirstLoad: string;
    firstLoadRuns: { file: string; rows: number; created: number; rejected: number }[];
  }
}
