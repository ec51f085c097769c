import { expect, it } from "vitest";
import { pageWindow, paginate, parsePage } from "./pagination";

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

it.each([
  [1, 1, [1]],
  [1, 5, [1, 2, 3, 4, 5]],
  [1, 3000, [1, 2, 3, null, 3000]],
  [1500, 3000, [1, null, 1498, 1499, 1500, 1501, 1502, null, 3000]],
  [3000, 3000, [1, null, 2998, 2999, 3000]],
  // Page 2 is drawn rather than hidden behind a gap of one.
  [5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]],
])("page links around page %i of %i", (page, count, expected) => {
  expect(pageWindow(page, count)).toEqual(expected);
});
