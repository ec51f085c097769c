import { desc, max } from "drizzle-orm";
import { type Actor, systemActor } from "../../../platform/actor";
import { type AuditContext, recordAudit } from "../../../platform/audit/record";
import type { Db } from "../../../platform/db/database";
import { can } from "../domain/policy";
import { DEFAULT_WEIGHTS, parseWeights, type WeightProblems, type Weights, weightsFrom } from "../domain/weights";
import { matchWeights as mw } from "../schema";

export class WeightsForbiddenError extends Error {
  constructor() {
    super("Only secretariat officers set the matching weights.");
  }
}

/** Writes the first version of the weights when there is none (at start, and in tests). */
export async function ensureMatchWeights(db: Db): Promise<void> {
  const [existing] = await db.select({ version: mw.version }).from(mw).limit(1);
  if (existing) return;
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(mw)
      .values({ version: 1, weights: { ...DEFAULT_WEIGHTS }, note: "First version." })
      .onConflictDoNothing()
      .returning({ version: mw.version });
    if (inserted.length === 0) return;
    await recordAudit(tx as unknown as Db, systemActor("boot"), {
      action: "matching.weights.publish",
      subjectType: "match-weights",
      subjectId: "1",
      after: { version: 1, weights: DEFAULT_WEIGHTS },
    });
  });
}

/** The weights in force: the latest version (the defaults, as version 0, before any is stored). */
export async function currentWeights(db: Db): Promise<{ version: number; weights: Weights }> {
  const [latest] = await db.select().from(mw).orderBy(desc(mw.version)).limit(1);
  return latest
    ? { version: latest.version, weights: weightsFrom(latest.weights) }
    : { version: 0, weights: DEFAULT_WEIGHTS };
}

/** Every version, newest first, with who published it and why: the weights' own history. */
export async function weightsHistory(input: { actor: Actor }, deps: { db: Db }) {
  void input.actor; // The weights are public: anyone may read how suggestions are ranked.
  const rows = await deps.db.select().from(mw).orderBy(desc(mw.version));
  return rows.map((row) => ({ ...row, weights: weightsFrom(row.weights) }));
}

/** The secretariat publishes a new version; suggestions are rescored with it by the next refresh. */
export async function publishWeights(
  input: { actor: Actor; values: Readonly<Record<string, unknown>>; note: string; request?: AuditContext },
  deps: { db: Db },
): Promise<{ outcome: "published"; version: number } | { outcome: "invalid"; problems: WeightProblems }> {
  if (!can(input.actor, "matching.weigh")) throw new WeightsForbiddenError();
  const parsed = parseWeights(input.values);
  if (!parsed.ok) return { outcome: "invalid", problems: parsed.problems };
  return deps.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const [latest] = await db.select({ version: max(mw.version) }).from(mw);
    const version = (latest?.version ?? 0) + 1;
    const note = input.note.trim();
    await db.insert(mw).values({
      version,
      weights: { ...parsed.weights },
      note,
      publishedBy: input.actor.kind === "user" ? input.actor.userId : null,
    });
    await recordAudit(
      db,
      input.actor,
      {
        action: "matching.weights.publish",
        subjectType: "match-weights",
        subjectId: String(version),
        after: { version, weights: parsed.weights, note },
      },
      input.request,
    );
    return { outcome: "published", version } as const;
  });
}
