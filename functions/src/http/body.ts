/**
 * Reads a JSON request body at the edge, so every route gets the same guarantees: within the size
 * limit (docs/design.md §7: ≤ 5 MB), `application/json`, nested at most MAX_JSON_DEPTH deep, and every
 * string well-formed Unicode with no control or bidi characters. Errors name the input ("body…",
 * "header.content-type") and never quote the body's text.
 */
import type { IncomingMessage } from "node:http";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import { isWellFormedText } from "../domain/text.js";
import { lineAndColumn, scanJson } from "./json-scan.js";

/** The functions framework has already buffered the body into rawBody; our own server has not. */
export type ApiRequest = IncomingMessage & { rawBody?: Buffer };

/** The deepest body of the API (an ingest row's values) is 4 levels; 32 leaves room and stops abuse. */
const MAX_JSON_DEPTH = 32;

export async function readJsonBody(req: ApiRequest, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limitBytes) throw new AppError("PAYLOAD_TOO_LARGE", httpMessages.bodyTooLarge(limitBytes));
  const raw = req.rawBody ?? (await readStream(req, limitBytes));
  if (raw.length > limitBytes) throw new AppError("PAYLOAD_TOO_LARGE", httpMessages.bodyTooLarge(limitBytes));
  if (raw.length === 0) return undefined;
  if (!isJsonMediaType(req.headers["content-type"])) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      httpMessages.unsupportedMediaType(),
      undefined,
      "header.content-type",
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    throw new AppError("INVALID_ARGUMENT", httpMessages.invalidUtf8(), undefined, "body");
  }
  const scan = scanJson(text, MAX_JSON_DEPTH);
  if (!scan.ok) {
    const { line, column } = lineAndColumn(text, scan.offset);
    const message =
      scan.problem === "depth"
        ? httpMessages.jsonTooDeep(MAX_JSON_DEPTH, line, column)
        : httpMessages.invalidJson(line, column);
    throw new AppError("INVALID_ARGUMENT", message, { line, column }, "body");
  }
  const body: unknown = JSON.parse(text);
  const badText = firstIllFormedText(body);
  if (badText !== undefined)
    throw new AppError("INVALID_ARGUMENT", httpMessages.illFormedText(), undefined, badText);
  return body;
}

const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An .xlsx upload: within the same size limit, its own media type, and a zip archive; its bytes. */
export async function readWorkbookBody(req: ApiRequest, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limitBytes) throw new AppError("PAYLOAD_TOO_LARGE", httpMessages.bodyTooLarge(limitBytes));
  const raw = req.rawBody ?? (await readStream(req, limitBytes));
  if (raw.length > limitBytes) throw new AppError("PAYLOAD_TOO_LARGE", httpMessages.bodyTooLarge(limitBytes));
  const [type = ""] = (req.headers["content-type"] ?? "").split(";").map((part) => part.trim().toLowerCase());
  if (type !== XLSX_MEDIA_TYPE)
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      httpMessages.unsupportedWorkbookType(),
      undefined,
      "header.content-type",
    );
  return raw;
}

/** `application/json`, with no charset or UTF-8 (the only encoding JSON allows, RFC 8259 §8.1). */
function isJsonMediaType(header: string | undefined): boolean {
  const [type = "", ...parameters] = (header ?? "").split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return parameters.every(
    (parameter) => !parameter.startsWith("charset=") || /^charset="?utf-8"?$/.test(parameter),
  );
}

/**
 * The field path ("body.rows.3.values.hoTen") of the first string — value or key — that is not
 * well-formed text, walking iteratively (the depth is bounded, but recursion is not needed).
 */
function firstIllFormedText(body: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value: body, path: "body" }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === "string") {
      if (!isWellFormedText(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        pending.push({ value: item, path: `${path}.${index}` });
      });
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        // A bad key is reported at its object: the key itself is not fit to quote.
        if (!isWellFormedText(key)) return path;
        pending.push({ value: item, path: `${path}.${key}` });
      }
    }
  }
  return undefined;
}

function readStream(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.removeAllListeners("data");
        req.resume();
        reject(new AppError("PAYLOAD_TOO_LARGE", httpMessages.bodyTooLarge(limitBytes)));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
