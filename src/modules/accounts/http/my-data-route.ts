import type { RouteHandle } from "../../../platform/http/guard";
import { exportMyData } from "../use-cases/personal-data";
import type { Route } from "./+types/my-data-route";

export const handle = { access: "signed-in" } satisfies RouteHandle;

/** Everything held about the signed-in person, as a JSON download. */
export async function loader({ context }: Route.LoaderArgs) {
  const document = await exportMyData({ actor: context.actor }, context.services);
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="item10-my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
