import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import type { SdgGoalWithTargets } from "../domain/sdg";
import { selectSdgTree } from "../store";

/** The 17 goals with their targets; indicators only when asked (they triple the size). */
export async function listSdgGoals(
  { withIndicators }: { actor: Actor; withIndicators: boolean },
  deps: { db: Db },
): Promise<SdgGoalWithTargets[]> {
  return selectSdgTree(deps.db, { withIndicators });
}
