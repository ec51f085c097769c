import { matchRoutes, type RouteObject, type ServerBuild } from "react-router";
import type { Actor } from "../actor";
import { needsSecondFactor } from "../actor";

/**
 * Every page declares who may open it, in its route module: `export const handle = { access }`.
 * The server checks it before any loader or action runs; use cases check again.
 */
export type Access = "public" | "signed-in" | "pending-second-factor" | { policy: string };
export type Policies = Record<string, (actor: Actor) => boolean>;
export type Verdict = "allow" | "sign-in" | "second-factor" | "enrol-second-factor" | "forbidden";

export function judge(access: Access, actor: Actor, pendingUserId: string | null, policies: Policies): Verdict {
  if (access === "public") return "allow";
  if (access === "pending-second-factor") return pendingUserId ? "allow" : "sign-in";
  if (actor.kind !== "user") return pendingUserId ? "second-factor" : "sign-in";
  if (access === "signed-in") return "allow";
  const policy = policies[access.policy];
  if (!policy) throw new Error(`Unknown policy ${access.policy}`);
  if (policy(actor)) return "allow";
  // Would the roles it holds allow it once a second factor is set up?
  if (needsSecondFactor(actor) && policy({ ...actor, secondFactor: true })) return "enrol-second-factor";
  return "forbidden";
}

type BuildRoute = ServerBuild["routes"][string];

/** The build's flat route table as nested route objects, for matching a URL. */
export function routeTree(build: ServerBuild): RouteObject[] {
  const routes = Object.values(build.routes).filter((r): r is NonNullable<BuildRoute> => Boolean(r));
  const children = (parentId: string | undefined): RouteObject[] =>
    routes
      .filter((r) => r.parentId === parentId)
      .map((r) =>
        r.index
          ? { id: r.id, index: true, path: r.path, caseSensitive: r.caseSensitive }
          : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: children(r.id) },
      );
  return children(undefined);
}

/** The access the deepest matching route declares; null when no route matches or it declares none. */
export function accessFor(build: ServerBuild, tree: RouteObject[], pathname: string): Access | null | undefined {
  const matches = matchRoutes(tree, pathname);
  const leaf = matches?.at(-1);
  if (!leaf?.route.id) return undefined;
  const handle = build.routes[leaf.route.id]?.module.handle as { access?: Access } | undefined;
  return handle?.access ?? null;
}

/** What a route module exports as `handle`. */
export interface RouteHandle {
  access: Access;
}
