import type { OrganisationKind } from "../../../platform/actor";
import { ORGANISATION_KINDS } from "../../../platform/actor";

/** The units a State organisation can be (PRODUCT.md: who speaks for a State). */
export const STATE_UNITS = ["permanent-mission", "ministry", "nmirf", "development-agency", "other"] as const;

export interface OrganisationInput {
  kind: OrganisationKind;
  name: string;
  acronym: string | null;
  countryIso3: string | null;
  unitKind: string | null;
  nhriAccreditation: "A" | "B" | null;
  ecosocStatus: boolean | null;
}

/** Reads the new-organisation form; errors are message keys by field. Pure. */
export function parseOrganisationInput(raw: Record<string, string>): {
  value: OrganisationInput | null;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const kind = raw.kind as OrganisationKind;
  if (!(ORGANISATION_KINDS as readonly string[]).includes(kind)) errors.kind = "organisation.error.kind";
  const name = (raw.name ?? "").trim();
  if (name.length < 2 || name.length > 200) errors.name = "organisation.error.name";
  const acronym = (raw.acronym ?? "").trim() || null;
  if (acronym && acronym.length > 20) errors.acronym = "organisation.error.acronym";
  const country = (raw.countryIso3 ?? "").trim().toUpperCase() || null;
  if (country && !/^[A-Z]{3}$/.test(country)) errors.countryIso3 = "organisation.error.country";
  if (kind === "state" && !country) errors.countryIso3 = "organisation.error.countryRequired";
  const unit = kind === "state" ? (raw.unitKind ?? "").trim() : "";
  if (kind === "state" && !(STATE_UNITS as readonly string[]).includes(unit))
    errors.unitKind = "organisation.error.unit";
  const accreditation = kind === "nhri" ? (raw.nhriAccreditation ?? "").trim() : "";
  if (kind === "nhri" && accreditation !== "A" && accreditation !== "B")
    errors.nhriAccreditation = "organisation.error.accreditation";
  if (Object.keys(errors).length > 0) return { value: null, errors };
  return {
    value: {
      kind,
      name,
      acronym,
      countryIso3: country,
      unitKind: kind === "state" ? unit : null,
      nhriAccreditation: kind === "nhri" ? (accreditation as "A" | "B") : null,
      ecosocStatus: kind === "ngo" ? raw.ecosocStatus === "yes" : null,
    },
    errors,
  };
}
