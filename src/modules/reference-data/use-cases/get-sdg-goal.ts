import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { SdgGoalWithTargets } from "../domain/sdg";
import { isSdgGoalCode } from "../domain/sdg";
import { selectSdgTree } from "../store";

/** One goal with its targets and indicators; null for anything but 1–17. */
export async function getSdgGoal(
  { code }: { actor: Actor; code: string },
  deps: { db: Db },
): Promise<SdgGoalWithTargets | null> {
  if (!isSdgGoalCode(code)) return null;
  const [goal] = await selectSdgTree(deps.db, { goal: Number(code), withIndicators: true });
  return goal ?? null;
}
