/**
 * Matches docs/design.md §5.3 path templates ("/v1/sheets/{tab}:ingest") against request paths and
 * validates the parameters at the edge.
 */
import { AppError } from "../domain/errors.js";
import { isValidId } from "../domain/ids.js";
import { httpMessages } from "../domain/messages/index.js";
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
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "none" };

export function matchRoute(routes: readonly CompiledRoute[], method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const compiled of routes) {
    const match = compiled.pattern.exec(path);
    if (!match) continue;
    if (compiled.route.method !== method) {
      allowed.push(compiled.route.method);
      continue;
    }
    const params: Record<string, string> = {};
    compiled.names.forEach((name, index) => {
      params[name] = pathParam(name, match[index + 1] ?? "");
    });
    return { kind: "found", route: compiled.route, params };
  }
  return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "none" };
}

/**
 * A path parameter, decoded and held to the id rule before any handler or Firestore call sees it:
 * malformed percent-encoding, "/" (as %2F), controls, bidi overrides and lone surrogates end here.
 */
function pathParam(name: string, encoded: string): string {
  let value: string;
  try {
    value = decodeURIComponent(encoded);
  } catch {
    throw new AppError("INVALID_ARGUMENT", httpMessages.malformedPathParam(name), undefined, `path.${name}`);
  }
  if (!isValidId(value))
    throw new AppError("INVALID_ARGUMENT", httpMessages.invalidPathParam(name), undefined, `path.${name}`);
  return value;
}
