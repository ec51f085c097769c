/**
 * Public statistics count only public records and those whose State allowed anonymous counting,
 * and never show a count below 3: a "1" in a cell of region × theme can name the one State that
 * asked. Every public figure passes through here; the secretariat's own views do not need to.
 */
export const SMALLEST_PUBLIC_COUNT = 3;

export type PublicCount = { exact: number } | { fewerThan: typeof SMALLEST_PUBLIC_COUNT };

export function publicCount(n: number): PublicCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  // Zero says nothing about anyone, so it is shown as it is.
  return n > 0 && n < SMALLEST_PUBLIC_COUNT ? { fewerThan: SMALLEST_PUBLIC_COUNT } : { exact: n };
}
