import { eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { marketOffer, marketRequest } from "../domain/market";
import { type Ineligibility, roundReason, roundScore, score } from "../domain/score";
import { Vocabulary } from "../domain/text";
import { matchingState as ms, type StoredReason } from "../schema";
import { loadOffers, loadRequests } from "./market";
import { currentWeights } from "./weights";

export type PairExplanation =
  | { eligible: false; why: Ineligibility | "missing" }
  | { eligible: true; score: number; reasons: StoredReason[]; weightsVersion: number; sharesSubject: boolean };

/**
 * The score of one request and one offer as it stands now, with its reasons: for a proposal (which
 * keeps it) and its page. Scored with the weights in force and the market's text statistics of the
 * last full refresh, as suggestions are. No visibility check: the caller has checked the actor may
 * see both. Scored for the provider's eyes, whoever asks: a proposal and its match are read by
 * both sides, so they never carry a reason resting on the State's restricted fields.
 */
export async function explainPair(
  db: Db,
  pair: { requestId: string; offerId: string },
  options: { now?: Date } = {},
): Promise<PairExplanation> {
  // One query after the other: a proposal calls this inside its transaction, on one connection.
  const [request] = await loadRequests(db, { ids: [pair.requestId] });
  const [offer] = await loadOffers(db, { ids: [pair.offerId] });
  const weights = await currentWeights(db);
  const [state] = await db
    .select({ frequencies: ms.documentFrequencies, documents: ms.documents })
    .from(ms)
    .where(eq(ms.id, 1));
  if (!request || !offer) return { eligible: false, why: "missing" };
  const statistics = {
    documentFrequencies: new Map(Object.entries(state?.frequencies ?? {})),
    documents: state?.documents ?? 0,
  };
  const vocabulary = new Vocabulary();
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const result = score(
    marketRequest(request.facts, statistics, vocabulary),
    marketOffer(offer.facts, statistics, vocabulary),
    { weights: weights.weights, today },
    "provider",
  );
  if (!result.eligible) return result;
  return {
    eligible: true,
    score: roundScore(result.total),
    reasons: result.reasons.map(roundReason),
    weightsVersion: weights.version,
    sharesSubject: result.sharesSubject,
  };
}
