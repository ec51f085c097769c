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
