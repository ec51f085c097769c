import { expect, it } from "vitest";
import { pageOf, queryReader } from "./query-params";

it("reads numbers and choices, naming each parameter it cannot read and falling back", () => {
  const reader = queryReader(new URLSearchParams("limit=500&offset=20&kind=cash&state=open&q=%20%20"));
  expect(pageOf(reader)).toEqual({ limit: 20, offset: 20 });
  expect(reader.oneOf("kind", ["training", "funding"])).toBeUndefined();
  expect(reader.oneOf("state", ["open", "draft"])).toBe("open");
  expect(reader.get("q")).toBeUndefined();
  expect(reader.errors).toEqual({ limit: "a whole number from 1 to 100", kind: "one of training, funding" });
});
