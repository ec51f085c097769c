/**
 * A small benchmark harness: each case runs next to its baseline in the same process and run,
 * alternating rounds so that machine noise hits both alike; it reports medians and their ratio.
 */
export interface Case {
  name: string;
  run: () => Promise<unknown>;
}

export interface Comparison {
  title: string;
  baseline: Case;
  subject: Case;
  /** What the ratio should stay under; exceeded → the run exits non-zero. */
  maxRatio?: number;
  rounds?: number;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function compare(c: Comparison): Promise<boolean> {
  const rounds = c.rounds ?? 30;
  for (let i = 0; i < 3; i++) {
    await c.baseline.run();
    await c.subject.run();
  }
  const base: number[] = [];
  const subject: number[] = [];
  for (let i = 0; i < rounds; i++) {
    base.push(await time(c.baseline.run));
    subject.push(await time(c.subject.run));
  }
  const b = median(base);
  const s = median(subject);
  const ratio = s / b;
  const ok = c.maxRatio === undefined || ratio <= c.maxRatio;
  console.log(
    `${ok ? "ok  " : "SLOW"} ${c.title}\n     baseline ${c.baseline.name}: ${b.toFixed(2)} ms · ${c.subject.name}: ${s.toFixed(2)} ms · ratio ${ratio.toFixed(2)}${c.maxRatio === undefined ? "" : ` (limit ${c.maxRatio})`} · ${rounds} rounds, medians`,
  );
  return ok;
}

/** The value below which `p` percent of the samples fall (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "–");
export const ratio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–");
export const whole = (n: number) => Math.round(n).toLocaleString("en");

/** Prints rows under a title as a table with aligned columns: text left, figures right. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,×%–\s]*$/.test(r[i] ?? "")));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}
