import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Structured log lines printed so far. */
  lines: Record<string, any>[];
  waitForLine(predicate: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the platform exactly as `npm start` does after its build step (`tsx src/main.ts`),
 * as a separate process, and waits until it listens.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const tsx = path.resolve("node_modules/.bin/tsx");
  const child = spawn(tsx, ["src/main.ts"], {
    // The real UPR data loads only where a test asks for it (UPR_DATA=on): it costs seconds.
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "info", UPR_DATA: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, any>[] = [];
  let stderr = "";
  let buffer = "";
  child.stdout?.on("data", (chunk) => {
    buffer += chunk;
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        lines.push(JSON.parse(line));
      } catch {
        lines.push({ msg: line });
      }
      nl = buffer.indexOf("\n");
    }
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  async function waitForLine(predicate: (line: Record<string, any>) => boolean, timeoutMs = 60_000) {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const found = lines.find(predicate);
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out; stderr: ${stderr}; log: ${lines.map((l) => l.msg).join(" | ")}`);
  }

  await waitForLine((l) => l.msg === "item10 is listening");
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    lines,
    waitForLine,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
