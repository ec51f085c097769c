import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  disclosedFields,
  grantableFields,
  RESTRICTED_COLUMNS,
  RESTRICTED_REQUEST_FIELDS,
  type RestrictedColumns,
  type RestrictedRequestField,
  redactRequest,
  withheldFields,
} from "./disclosure";
import { FACETS, parseRequestFilter } from "./filter";

const ROW = {
  id: "r1",
  title: "Training prison officers",
  budgetMinor: 2_500_000,
  budgetCurrency: "USD",
  desiredStart: "2027-03-01",
  durationMonths: 12,
  counterparts: ["Maldives Correctional Service"],
} satisfies RestrictedColumns & Record<string, unknown>;

const fieldSets = fc.subarray([...RESTRICTED_REQUEST_FIELDS]);

describe("which restricted fields a viewer reads", () => {
  it("gives an insider every field, whatever was granted", () => {
    expect(disclosedFields({ insider: true, grants: [] })).toEqual(["budget", "schedule", "counterparts"]);
    expect(disclosedFields({ insider: true, grants: [["budget"]] })).toEqual([...RESTRICTED_REQUEST_FIELDS]);
  });

  it("gives anyone else exactly the fields granted to it, and none without a grant", () => {
    expect(disclosedFields({ insider: false, grants: [] })).toEqual([]);
    expect(disclosedFields({ insider: false, grants: [[]] })).toEqual([]);
    expect(disclosedFields({ insider: false, grants: [["budget"]] })).toEqual(["budget"]);
    expect(disclosedFields({ insider: false, grants: [["counterparts", "budget"]] })).toEqual([
      "budget",
      "counterparts",
    ]);
  });

  it("gives a viewer in several organisations the union of their grants", () => {
    expect(disclosedFields({ insider: false, grants: [["budget"], ["counterparts"], []] })).toEqual([
      "budget",
      "counterparts",
    ]);
    fc.assert(
      fc.property(fc.array(fieldSets, { maxLength: 4 }), (grants) => {
        const disclosed = disclosedFields({ insider: false, grants });
        expect(new Set(disclosed)).toEqual(new Set(grants.flat()));
      }),
    );
  });

  it("reads a field name it does not know as granting nothing", () => {
    expect(disclosedFields({ insider: false, grants: [["budgetMinor", "everything", "schedule"]] })).toEqual([
      "schedule",
    ]);
  });

  it("withholds exactly what was not disclosed", () => {
    fc.assert(
      fc.property(fieldSets, (disclosed) => {
        const withheld = withheldFields(disclosed);
        expect([...disclosed, ...withheld].sort()).toEqual([...RESTRICTED_REQUEST_FIELDS].sort());
        for (const field of withheld) expect(disclosed).not.toContain(field);
      }),
    );
  });
});

describe("redacting a request for a viewer", () => {
  it("empties every restricted column for a viewer who reads none, and keeps the rest", () => {
    expect(redactRequest(ROW, [])).toEqual({
      id: "r1",
      title: "Training prison officers",
      budgetMinor: null,
      budgetCurrency: null,
      desiredStart: null,
      durationMonths: null,
      counterparts: [],
    });
    // The row it was given is not changed.
    expect(ROW.budgetMinor).toBe(2_500_000);
  });

  it("keeps each disclosed field's columns whole and empties the others'", () => {
    fc.assert(
      fc.property(fieldSets, (disclosed) => {
        const redacted = redactRequest(ROW, disclosed);
        for (const field of RESTRICTED_REQUEST_FIELDS)
          for (const column of RESTRICTED_COLUMNS[field as RestrictedRequestField]) {
            const expected = disclosed.includes(field) ? ROW[column] : column === "counterparts" ? [] : null;
            expect(redacted[column], `${field}.${column}`).toEqual(expected);
          }
        expect(redacted.title).toBe(ROW.title);
      }),
    );
  });

  it("covers every restricted column of a request with exactly one field", () => {
    const columns = Object.values(RESTRICTED_COLUMNS).flat();
    expect(columns.sort()).toEqual(["budgetCurrency", "budgetMinor", "counterparts", "desiredStart", "durationMonths"]);
  });
});

describe("a grant's field list", () => {
  it("is stored once each, in the canonical order", () => {
    expect(grantableFields(["counterparts", "budget", "budget"])).toEqual(["budget", "counterparts"]);
    expect(grantableFields([])).toEqual([]);
  });

  it("refuses a name that is not a restricted field", () => {
    expect(() => grantableFields(["budget", "title"])).toThrow(/title/);
  });
});

describe("the list's filters", () => {
  it("name no restricted field, so no filter can tell a withheld value", () => {
    const restrictedColumns: string[] = [...RESTRICTED_REQUEST_FIELDS, ...Object.values(RESTRICTED_COLUMNS).flat()];
    for (const facet of FACETS) expect(restrictedColumns).not.toContain(facet);
    const params = new URLSearchParams(
      restrictedColumns.map((name) => [name, name === "budgetMinor" ? "100" : "2027-01-01"]),
    );
    const { filter, errors } = parseRequestFilter(params);
    expect(errors).toEqual({});
    for (const name of restrictedColumns) expect(filter).not.toHaveProperty(name);
  });
});
