import type { Actor } from "./actor";
import type { Db } from "./db/database";

/**
 * A record that cites a recommendation: a State's request for support or its voluntary update.
 * The recommendation index shows who cites each recommendation without knowing the modules that
 * cite (they depend on it, not the reverse): each registers a source at the composition root.
 */
export interface Citation {
  kind: "request" | "update";
  id: string;
  title: string;
  /** The language the citing record is written in. */
  language: string;
  /** A path on this site, without the language prefix. */
  link: string;
}

/** One module's citations of a recommendation, already narrowed to what the actor may see. */
export type CitationSource = (
  input: { actor: Actor; recommendationId: string },
  deps: { db: Db },
) => Promise<Citation[]>;

export async function citationsOf(
  sources: readonly CitationSource[],
  input: { actor: Actor; recommendationId: string },
  deps: { db: Db },
): Promise<Citation[]> {
  return (await Promise.all(sources.map((source) => source(input, deps)))).flat();
}
