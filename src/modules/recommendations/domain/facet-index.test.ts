import { expect, it } from "vitest";
import { topByRank } from "./facet-index";

it("picks the best-ranked rows, ties in row order, as a full sort would", () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const size = 5_000;
  const rank = Float32Array.from({ length: size }, () => Math.round(random() * 50) / 50);
  const rows = Int32Array.from({ length: 3_000 }, (_, i) => i * 1 + Math.floor(i / 2));
  const expected = Array.from(rows).sort((a, b) => rank[b]! - rank[a]! || a - b);
  for (const k of [0, 1, 20, 140, 1_000, 3_000, 4_000])
    expect(Array.from(topByRank(rows, rank, k)), `k = ${k}`).toEqual(expected.slice(0, k));
});
