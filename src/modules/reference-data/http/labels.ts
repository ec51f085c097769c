import type { MessageKey } from "../../../platform/i18n/messages";
import type { DevelopmentStatus, RegionalGroup, UnStatus } from "../domain/country";

/** Catalogue keys for the reference vocabularies, so every page and export names them alike. */
export const GROUP_LABEL: Record<RegionalGroup, MessageKey> = {
  african: "group.african",
  "asia-pacific": "group.asia-pacific",
  "eastern-european": "group.eastern-european",
  "latin-american-caribbean": "group.latin-american-caribbean",
  "western-european-other": "group.western-european-other",
};

export const STATUS_LABEL: Record<DevelopmentStatus, MessageKey> = {
  ldc: "status.ldc",
  lldc: "status.lldc",
  sids: "status.sids",
};

export const STATUS_ABBREVIATION: Record<DevelopmentStatus, MessageKey> = {
  ldc: "status.ldc.short",
  lldc: "status.lldc.short",
  sids: "status.sids.short",
};

export const UN_STATUS_LABEL: Record<UnStatus, MessageKey> = {
  member: "unStatus.member",
  observer: "unStatus.observer",
};
