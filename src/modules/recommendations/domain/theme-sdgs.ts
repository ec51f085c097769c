/**
 * Which SDG goals a UPR Info theme speaks to. The UPR Info data carries no SDG tags and our
 * reference files hold no theme→SDG link, so the SDG classifier learns from labels derived
 * through this table. It follows the approach of the Danish Institute for Human Rights
 * ("Human Rights Guide to the SDGs" and the SDG–Human Rights Data Explorer), which links
 * human rights instruments and UPR recommendations to the SDG targets that restate them; here
 * at goal level, and only where a target names the right or the group (the target is given for
 * each line, so a reviewer can check the reasoning).
 *
 * Themes about the human rights machinery itself (instruments, treaty bodies, special
 * procedures, the UPR process, national plans, "general", "other") link to no goal: ratifying
 * a treaty or inviting a rapporteur is no development outcome, and forcing a goal on them would
 * teach the classifier noise.
 */
export const THEME_SDGS: Readonly<Record<string, readonly string[]>> = {
  "upr-info:asylum-seekers-refugees": ["10", "16"], // 10.7 orderly migration and mobility; 16.9 legal identity
  "upr-info:business-and-human-rights": ["8", "12"], // 8.7–8.8 labour rights; 12.6 corporate sustainability reporting
  "upr-info:civil-society": ["16", "17"], // 16.7 participatory decision-making, 16.10 freedoms; 17.17 partnerships
  "upr-info:corruption": ["16"], // 16.5 reduce corruption and bribery
  "upr-info:counter-terrorism": ["16"], // 16.a prevent violence and combat terrorism
  "upr-info:cp-rights-general": ["16"], // 16.3 rule of law, 16.10 fundamental freedoms
  "upr-info:death-penalty": ["16"], // 16.1 reduce violence and related death rates (right to life)
  "upr-info:detention": ["16"], // 16.3 rule of law (indicator 16.3.2: unsentenced detainees)
  "upr-info:development": ["1", "8", "17"], // 1.a resources for poverty programmes; 8.1 growth; 17.2 ODA
  "upr-info:disabilities": ["4", "8", "10", "11"], // 4.5, 4.a; 8.5; 10.2; 11.2, 11.7 name persons with disabilities
  "upr-info:elections": ["16"], // 16.7 responsive, inclusive, participatory decision-making
  "upr-info:enforced-disappearances": ["16"], // 16.1 violence; 16.10.1 enforced disappearance of defenders
  "upr-info:environment": ["12", "13", "15"], // 12.4 chemicals and waste; 13 climate action; 15 ecosystems
  "upr-info:esc-rights-general": ["1", "10"], // 1.3 social protection; 10.4 fiscal and social protection policies
  "upr-info:extrajudicial-executions": ["16"], // 16.1 reduce violence and related death rates
  "upr-info:freedom-of-association-and-peaceful-assembly": ["8", "16"], // 8.8 labour rights; 16.10 freedoms
  "upr-info:freedom-of-movement": ["16"], // 16.10 fundamental freedoms
  "upr-info:freedom-of-opinion-and-expression": ["16"], // 16.10 public access to information, freedoms
  "upr-info:freedom-of-religion-and-belief": ["16"], // 16.10 freedoms; 16.b non-discriminatory laws
  "upr-info:freedom-of-the-press": ["16"], // 16.10 (indicator 16.10.1: killings of journalists)
  "upr-info:hiv-aids": ["3"], // 3.3 end the epidemic of AIDS
  "upr-info:human-rights-defenders": ["16"], // 16.10 (indicator 16.10.1: killings of human rights defenders)
  "upr-info:human-rights-education-and-training": ["4"], // 4.7 education for human rights
  "upr-info:human-rights-violations-by-state-agents": ["16"], // 16.1 violence; 16.3 rule of law
  "upr-info:impunity": ["16"], // 16.3 access to justice for all
  "upr-info:indigenous-peoples": ["2", "4", "10"], // 2.3 indigenous food producers; 4.5 indigenous peoples; 10.2
  "upr-info:internally-displaced-persons": ["11", "16"], // 11.1 housing, 11.5 disasters; 16.1 conflict
  "upr-info:international-humanitarian-law": ["16"], // 16.1 conflict-related deaths
  "upr-info:justice": ["16"], // 16.3 rule of law and equal access to justice
  "upr-info:labour": ["8"], // 8.5 decent work, 8.7 forced and child labour, 8.8 labour rights
  "upr-info:migrants": ["8", "10"], // 8.8 migrant workers; 10.7 migration policies
  "upr-info:minorities": ["10", "16"], // 10.2 inclusion, 10.3 equal opportunity; 16.b non-discrimination
  "upr-info:national-human-rights-institution": ["16"], // 16.a (indicator 16.a.1: NHRIs under the Paris Principles)
  "upr-info:poverty": ["1"], // 1.1–1.5 end poverty
  "upr-info:privacy": ["16"], // 16.10 fundamental freedoms
  "upr-info:public-security": ["16"], // 16.1 reduce violence
  "upr-info:racial-discrimination": ["10", "16"], // 10.2, 10.3 discriminatory laws; 16.b
  "upr-info:right-to-education": ["4"], // 4.1–4.7 quality education
  "upr-info:right-to-food": ["2"], // 2.1 access to safe, nutritious food
  "upr-info:right-to-health": ["3"], // 3.7 sexual and reproductive health, 3.8 universal health coverage
  "upr-info:right-to-housing": ["11"], // 11.1 adequate, safe and affordable housing
  "upr-info:right-to-land": ["1", "2"], // 1.4 ownership and control over land; 2.3 secure access to land
  "upr-info:right-to-water-and-sanitation": ["6"], // 6.1 drinking water, 6.2 sanitation
  "upr-info:rights-of-the-child": ["16"], // 16.2 violence against children, 16.9 birth registration
  "upr-info:sexual-orientation-and-gender-identity": ["10", "16"], // 10.3 discriminatory laws; 16.b
  "upr-info:statelessness-and-the-right-to-nationality": ["16"], // 16.9 legal identity for all
  "upr-info:technical-assistance-and-cooperation": ["17"], // 17.9 capacity-building
  "upr-info:torture-and-other-cid-treatment": ["16"], // 16.1 violence; 16.3 rule of law
  "upr-info:trafficking": ["5", "8", "16"], // 5.2 trafficking of women and girls; 8.7; 16.2
  "upr-info:womens-rights": ["5"], // 5.1–5.c gender equality
};

/** The UPR Info themes that deliberately link to no goal (see above). */
export const THEMES_WITHOUT_SDG: ReadonlySet<string> = new Set([
  "upr-info:general",
  "upr-info:international-instruments",
  "upr-info:national-plan-of-action",
  "upr-info:other",
  "upr-info:special-procedures",
  "upr-info:treaty-bodies",
  "upr-info:upr-process",
]);

/**
 * The SDG goals a set of themes speaks to, in goal order, each once; null when no theme of the
 * set is one this table decides about (another scheme's themes say nothing either way).
 */
export function sdgsOfThemes(themes: readonly string[]): string[] | null {
  if (!themes.some((t) => t in THEME_SDGS || THEMES_WITHOUT_SDG.has(t))) return null;
  const goals = new Set(themes.flatMap((t) => THEME_SDGS[t] ?? []));
  return [...goals].sort((a, b) => Number(a) - Number(b));
}
