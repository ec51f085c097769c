import { expect, it } from "vitest";
import { diff } from "./record";

it("records only the fields that changed", () => {
  expect(diff({ a: 1, b: "x", c: [1] }, { a: 1, b: "y", c: [1, 2] })).toEqual({ b: ["x", "y"], c: [[1], [1, 2]] });
});

it("records creation and removal", () => {
  expect(diff(null, { role: "expert" })).toEqual({ role: [null, "expert"] });
  expect(diff({ role: "expert" }, null)).toEqual({ role: ["expert", null] });
});

it("never copies personal values, only that they changed", () => {
  expect(diff({ email: "a@x.org", locale: "en" }, { email: "b@x.org", locale: "fr" }, ["email"])).toEqual({
    email: ["[personal data]", "[personal data]"],
    locale: ["en", "fr"],
  });
});

it("never copies confidential values either, and says which kind was left out", () => {
  expect(diff({ notes: null, status: "a" }, { notes: "private", status: "b" }, [], ["notes"])).toEqual({
    notes: [null, "[confidential]"],
    status: ["a", "b"],
  });
});
