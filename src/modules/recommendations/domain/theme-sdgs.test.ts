import { describe, expect, it } from "vitest";
import sdgs from "../../../../reference/sdgs.json";
import vocabularies from "../../../../reference/themes.json";
import { sdgsOfThemes, THEME_SDGS, THEMES_WITHOUT_SDG } from "./theme-sdgs";

describe("the UPR Info theme → SDG goal table", () => {
  it("decides about every UPR Info theme of the reference data exactly once, with goals that exist", () => {
    const themes = vocabularies.themes.filter((t) => t.scheme === "upr-info").map((t) => t.code);
    const goals = new Set(sdgs.goals.map((g) => String(g.code)));
    expect([...Object.keys(THEME_SDGS), ...THEMES_WITHOUT_SDG].sort()).toEqual([...themes].sort());
    for (const [theme, linked] of Object.entries(THEME_SDGS)) {
      expect(linked.length, theme).toBeGreaterThan(0);
      for (const goal of linked) expect(goals.has(goal), `${theme} → ${goal}`).toBe(true);
    }
  });

  it("gives the goals of a set of themes once each, in goal order", () => {
    expect(sdgsOfThemes(["upr-info:trafficking", "upr-info:womens-rights", "upr-info:labour"])).toEqual([
      "5",
      "8",
      "16",
    ]);
    expect(sdgsOfThemes(["upr-info:right-to-water-and-sanitation", "upr-info:right-to-education"])).toEqual(["4", "6"]);
  });

  it("tells a theme linked to no goal from a theme the table does not know", () => {
    expect(sdgsOfThemes(["upr-info:international-instruments"])).toEqual([]);
    expect(sdgsOfThemes(["uhri:advancement-of-women"])).toBeNull();
    expect(sdgsOfThemes([])).toBeNull();
    expect(sdgsOfThemes(["uhri:advancement-of-women", "upr-info:poverty"])).toEqual(["1"]);
  });
});
