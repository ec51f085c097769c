import { expect, it } from "vitest";
import { safeNext } from "./load-context";

it.each([
  ["/en/account", "/en/account"],
  ["/fr/countries?group=african#list", "/fr/countries?group=african#list"],
  ["//evil.example/x", "/en"],
  ["/\t/evil.example/x", "/en"],
  ["/\n/evil.example", "/en"],
  ["/\\evil.example", "/en"],
  ["https://evil.example", "/en"],
  ["javascript:alert(1)", "/en"],
  ["", "/en"],
  [null, "/en"],
])("next=%j → %s", (value, expected) => {
  expect(safeNext(value, "/en")).toBe(expected);
});
