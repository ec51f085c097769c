import { expect, it } from "vitest";
import { paginate, parsePage } from "./pagination";

const items = Array.from({ length: 45 }, (_, i) => i + 1);

it.each([
  [1, 20, [1, 20], 3],
  [3, 20, [41, 45], 3],
  [9, 20, [41, 45], 3],
  [0, 20, [1, 20], 3],
  [1, 200, [1, 45], 1],
])("page %i of %i per page", (page, per, [first, last], pageCount) => {
  const p = paginate(items, page, per);
  expect(p.items[0]).toBe(first);
  expect(p.items.at(-1)).toBe(last);
  expect(p.pageCount).toBe(pageCount);
  expect(p.total).toBe(45);
});

it("gives an empty list one empty page", () => {
  expect(paginate([], 4, 10)).toEqual({ items: [], page: 1, pageCount: 1, total: 0 });
});

it.each([
  ["2", 2],
  ["1", 1],
  ["0", 1],
  ["-3", 1],
  ["2.5", 1],
  ["abc", 1],
  [null, 1],
])("parsePage(%s) = %i", (value, expected) => {
  expect(parsePage(value)).toBe(expected);
});
