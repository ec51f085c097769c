import type { MessageKey } from "../../../platform/i18n/messages";

export const RESPONSE_LABEL: Record<string, MessageKey> = {
  supported: "response.supported",
  "supported-in-part": "response.supported-in-part",
  noted: "response.noted",
  pending: "response.pending",
};

export const KIND_LABEL: Record<string, MessageKey> = {
  recommendation: "kind.recommendation",
  "voluntary-pledge": "kind.voluntary-pledge",
};
