import { describe, expect, it } from "vitest";
import { parseOfferQuery } from "./query";

const parse = (search: string) => parseOfferQuery(new URLSearchParams(search));

describe("reading the offers list's address", () => {
  it("reads every filter, and pages of 20 by default", () => {
    expect(
      parse(
        "q=judges&theme=uhri:women&sdg=16.3&kind=training&group=any&status=sids&providerType=state-asia-pacific&language=fr&offerStatus=open&age=30d",
      ),
    ).toEqual({
      invalid: [],
      query: {
        q: "judges",
        theme: "uhri:women",
        sdg: "16.3",
        kind: "training",
        group: "any",
        status: "sids",
        providerType: "state-asia-pacific",
        language: "fr",
        offerStatus: "open",
        age: "30d",
        limit: 20,
        offset: 0,
      },
    });
  });

  it.each([
    ["sdg=18", "sdg"],
    ["sdg=5.x1", "sdg"],
    ["kind=advice", "kind"],
    ["group=nordic", "group"],
    ["status=mic", "status"],
    ["providerType=state", "providerType"],
    ["language=xx", "language"],
    ["offerStatus=archived", "offerStatus"],
    ["age=1y", "age"],
    ["theme=<b>", "theme"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["offset=-1", "offset"],
  ])("names %s and leaves it out", (search, field) => {
    const { query, invalid } = parse(search);
    expect(invalid).toEqual([field]);
    expect(query).toEqual({ q: "", limit: 20, offset: 0 });
  });

  it("accepts a goal, a numbered target and a lettered target", () => {
    for (const sdg of ["5", "17", "16.10", "16.a"]) expect(parse(`sdg=${sdg}`).query.sdg).toBe(sdg);
  });
});
