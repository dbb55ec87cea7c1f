/** Matches DESIGN.md §5.3 path templates ("/v1/sheets/{tab}:ingest") against request paths. */
import type { Route } from "./route.js";

export interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function compileRoute(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const name = /^\{([a-zA-Z]+)\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      names.push(name);
      return "([^/:]+)";
    })
    .join("");
  return { route, pattern: new RegExp(`^${source}$`), names };
}

export type RouteMatch =
  | { kind: "found"; route: Route; params: Record<string, string> }
  | { kind: "wrong-method" }
  | { kind: "none" };

export function matchRoute(routes: readonly CompiledRoute[], method: string, path: string): RouteMatch {
  let pathMatched = false;
  for (const compiled of routes) {
    const match = compiled.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (compiled.route.method !== method) continue;
    const params: Record<string, string> = {};
    compiled.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] ?? "");
    });
    return { kind: "found", route: compiled.route, params };
  }
  return pathMatched ? { kind: "wrong-method" } : { kind: "none" };
}
