import type { OrganisationKind, Role } from "../../../platform/actor";
import type { MessageKey } from "../../../platform/i18n/messages";

export const ROLE_LABEL: Record<Role, MessageKey> = {
  "state-focal-point": "role.state-focal-point",
  "provider-focal-point": "role.provider-focal-point",
  "secretariat-officer": "role.secretariat-officer",
  "advisory-committee-member": "role.advisory-committee-member",
  "fund-manager": "role.fund-manager",
  "fund-board-member": "role.fund-board-member",
  expert: "role.expert",
  "platform-administrator": "role.platform-administrator",
};

export const ORGANISATION_KIND_LABEL: Record<OrganisationKind, MessageKey> = {
  state: "organisationKind.state",
  "un-entity": "organisationKind.un-entity",
  nhri: "organisationKind.nhri",
  ngo: "organisationKind.ngo",
  "regional-organisation": "organisationKind.regional-organisation",
  academic: "organisationKind.academic",
  donor: "organisationKind.donor",
};

export const STATE_UNIT_LABEL: Record<
  "permanent-mission" | "ministry" | "nmirf" | "development-agency" | "other",
  MessageKey
> = {
  "permanent-mission": "stateUnit.permanent-mission",
  ministry: "stateUnit.ministry",
  nmirf: "stateUnit.nmirf",
  "development-agency": "stateUnit.development-agency",
  other: "stateUnit.other",
};
