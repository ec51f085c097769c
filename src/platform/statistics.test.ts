import { expect, it } from "vitest";
import { publicCount } from "./statistics";

it.each([
  [0, { exact: 0 }],
  [1, { fewerThan: 3 }],
  [2, { fewerThan: 3 }],
  [3, { exact: 3 }],
  [1_204, { exact: 1_204 }],
])("shows %i publicly as %j", (n, shown) => {
  expect(publicCount(n)).toEqual(shown);
});

it("refuses what is not a count", () => {
  expect(() => publicCount(-1)).toThrow(RangeError);
  expect(() => publicCount(2.5)).toThrow(RangeError);
});
