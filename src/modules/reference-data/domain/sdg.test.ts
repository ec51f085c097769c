import { expect, it } from "vitest";
import { compareSdgCodes, isSdgGoalCode } from "./sdg";

it("orders targets as the framework does: numbers, then letters", () => {
  const shuffled = ["1.b", "1.10", "1.2", "1.a", "1.1", "10.1", "2.1"];
  expect([...shuffled].sort(compareSdgCodes)).toEqual(["1.1", "1.2", "1.10", "1.a", "1.b", "2.1", "10.1"]);
});

it("orders indicators within a target", () => {
  expect(["16.10.2", "16.1.1", "16.10.1", "16.a.1"].sort(compareSdgCodes)).toEqual([
    "16.1.1",
    "16.10.1",
    "16.10.2",
    "16.a.1",
  ]);
});

it.each([
  ["1", true],
  ["17", true],
  ["0", false],
  ["18", false],
  ["01", false],
  ["1.1", false],
  ["", false],
])("goal code %s valid: %s", (code, valid) => {
  expect(isSdgGoalCode(code)).toBe(valid);
});
