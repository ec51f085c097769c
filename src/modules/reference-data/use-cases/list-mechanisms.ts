import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { selectMechanisms } from "../store";

/** The human rights mechanisms that issue recommendations: UPR cycles and sessions, Treaty Bodies, Special Procedures. Public. */
export async function listMechanisms(_input: { actor: Actor }, deps: { db: Db }) {
  const { cycles, sessions, bodies, procedures } = await selectMechanisms(deps.db);
  return {
    upr: {
      cycles: cycles.map((c) => ({
        ...c,
        sessions: sessions.filter((s) => s.cycle === c.number).map((s) => ({ number: s.number, month: s.month })),
      })),
    },
    treatyBodies: bodies.map((b) => ({ code: b.code, names: b.names, instrument: b.instrument })),
    specialProcedures: procedures.map((p) => ({ code: p.code, kind: p.kind, title: p.title })),
  };
}
