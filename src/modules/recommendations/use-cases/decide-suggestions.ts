import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { can } from "../domain/policy";
import { recommendations, classificationSuggestions as suggestions } from "../schema";
import type { Scheme } from "./suggest-classifications";

export interface SuggestionRef {
  recommendationId: string;
  scheme: Scheme;
  code: string;
}

export type DecideOutcome =
  | { outcome: "forbidden" }
  | { outcome: "none-selected" }
  /** `decided` counts the suggestions that were still pending; others were decided before. */
  | { outcome: "decided"; decision: "accept" | "reject"; decided: number };

/** A page may send at most this many at once: one page of the list. */
export const MAX_BATCH = 500;

/**
 * The secretariat accepts or rejects a set of pending suggestions. An accepted code joins the
 * recommendation's themes or SDGs (once: a code already there is not added again); a rejected
 * one stays recorded, so the classifier never proposes it for that recommendation again.
 * One transaction and one audit row for the whole batch.
 */
export async function decideSuggestions(
  input: {
    actor: Actor;
    decision: "accept" | "reject";
    suggestions: readonly SuggestionRef[];
    request?: AuditContext;
  },
  deps: { db: Db },
): Promise<DecideOutcome> {
  if (!can(input.actor, "recommendations.classify")) return { outcome: "forbidden" };
  const refs = input.suggestions.slice(0, MAX_BATCH);
  if (refs.length === 0) return { outcome: "none-selected" };
  const decidedBy = input.actor.kind === "user" ? input.actor.userId : null;
  const status = input.decision === "accept" ? "accepted" : "rejected";

  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const tuples = refs.map((r) => sql`(${r.recommendationId}::uuid, ${r.scheme}, ${r.code})`);
    const decided = await db
      .update(suggestions)
      .set({ status, decidedBy, decidedAt: sql`now()` })
      .where(
        and(
          eq(suggestions.status, "suggested"),
          sql`(${suggestions.recommendationId}, ${suggestions.scheme}, ${suggestions.code}) in (${sql.join(tuples, sql`, `)})`,
        ),
      )
      .returning({
        recommendationId: suggestions.recommendationId,
        scheme: suggestions.scheme,
        code: suggestions.code,
      });
    if (decided.length === 0) return { outcome: "decided", decision: input.decision, decided: 0 } as const;

    if (input.decision === "accept") {
      const byRecommendation = new Map<string, { theme: string[]; sdg: string[] }>();
      for (const d of decided) {
        const entry = byRecommendation.get(d.recommendationId) ?? { theme: [], sdg: [] };
        entry[d.scheme as Scheme].push(d.code);
        byRecommendation.set(d.recommendationId, entry);
      }
      const current = await db
        .select({ id: recommendations.id, themes: recommendations.themes, sdgs: recommendations.sdgs })
        .from(recommendations)
        .where(inArray(recommendations.id, [...byRecommendation.keys()]))
        .for("update");
      for (const r of current) {
        const add = byRecommendation.get(r.id)!;
        const themes = [...new Set([...r.themes, ...add.theme.sort()])];
        const sdgs = [...new Set([...r.sdgs, ...add.sdg.sort((a, b) => Number(a) - Number(b))])];
        await db
          .update(recommendations)
          .set({ themes, sdgs, updatedAt: sql`now()` })
          .where(eq(recommendations.id, r.id));
      }
    }
    const list = decided.map((d) => `${d.recommendationId} ${d.scheme} ${d.code}`).sort();
    await recordAudit(
      db,
      input.actor,
      {
        action: `recommendations.suggestions-${input.decision === "accept" ? "accepted" : "rejected"}`,
        subjectType: "recommendation-suggestions",
        // A batch has no id of its own: a hash of what it decided names it.
        subjectId: createHash("sha256").update(list.join("\n")).digest("hex").slice(0, 16),
        after: { [status]: list },
      },
      input.request,
    );
    return { outcome: "decided", decision: input.decision, decided: decided.length } as const;
  });
}
