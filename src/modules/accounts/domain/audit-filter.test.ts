import { expect, it } from "vitest";
import { parseAuditFilter } from "./audit-filter";

it("reads a full filter, making the end date inclusive", () => {
  const { filter, errors } = parseAuditFilter({
    user: " Fiji@Example.org ",
    organisation: "6f1c2d3e-4a5b-4c6d-8e7f-001122334455",
    subjectType: "user",
    subjectId: "abc",
    from: "2026-01-01",
    to: "2026-01-31",
  });
  expect(errors).toEqual({});
  expect(filter).toEqual({
    userEmail: "fiji@example.org",
    organisationId: "6f1c2d3e-4a5b-4c6d-8e7f-001122334455",
    subjectType: "user",
    subjectId: "abc",
    from: new Date("2026-01-01T00:00:00Z"),
    to: new Date("2026-02-01T00:00:00Z"),
  });
});

it.each([
  [{ organisation: "not-a-uuid" }, { organisation: "audit.filter.error.organisation" }],
  [{ subjectType: "drop table" }, { subjectType: "audit.filter.error.subjectType" }],
  [{ from: "2026-02-30" }, { from: "audit.filter.error.date" }],
  [{ to: "31/01/2026" }, { to: "audit.filter.error.date" }],
  [{ from: "2026-03-01", to: "2026-02-01" }, { to: "audit.filter.error.range" }],
])("refuses %o", (input, errors) => {
  expect(parseAuditFilter(input).errors).toEqual(errors);
});
