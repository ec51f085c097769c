import { stringify } from "csv-stringify/sync";
import type { RouteHandle } from "../../../platform/http/guard";
import { parseAuditFilter } from "../domain/audit-filter";
import { listAuditEvents } from "../use-cases/list-audit-events";
import type { Route } from "./+types/audit-csv-route";

export const handle = { access: { policy: "audit.view" } } satisfies RouteHandle;

/** The filtered audit trail as CSV (UTF-8 with BOM, so spreadsheet programs read every script). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const { filter, errors } = parseAuditFilter({
    user: params.get("user"),
    organisation: params.get("organisation"),
    subjectType: params.get("subjectType"),
    subjectId: params.get("subjectId"),
    from: params.get("from"),
    to: params.get("to"),
  });
  if (Object.keys(errors).length > 0)
    return new Response(`Invalid filter: ${Object.keys(errors).join(", ")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const { events } = await listAuditEvents(
    { actor: context.actor, filter, limit: 10_000, offset: 0 },
    context.services,
  );
  const csv = stringify(
    events.map((e) => [
      e.id,
      e.occurredAt.toISOString(),
      e.actorKind,
      e.actorUserId ?? "",
      e.actorName ?? "",
      e.organisationId ?? "",
      e.organisationName ?? "",
      e.action,
      e.subjectType,
      e.subjectId,
      JSON.stringify(e.changes),
      e.requestId ?? "",
      e.ipAddress ?? "",
    ]),
    {
      header: true,
      // A name like `=HYPERLINK(…)` must reach a spreadsheet as text, not as a formula.
      escape_formulas: true,
      columns: [
        "id",
        "occurred_at",
        "actor_kind",
        "actor_user_id",
        "actor_name",
        "organisation_id",
        "organisation_name",
        "action",
        "subject_type",
        "subject_id",
        "changes",
        "request_id",
        "ip_address",
      ],
    },
  );
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="item10-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
