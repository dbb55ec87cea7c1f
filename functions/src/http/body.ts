/** Reads a JSON request body within the size limit (DESIGN.md §7: ≤ 5 MB). */
import type { IncomingMessage } from "node:http";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";

/** The functions framework has already buffered the body into rawBody; our own server has not. */
export type ApiRequest = IncomingMessage & { rawBody?: Buffer };

export async function readJsonBody(req: ApiRequest, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > limitBytes) throw new AppError("PAYLOAD_TOO_LARGE", httpMessages.bodyTooLarge(limitBytes));
  const raw = req.rawBody ?? (await readStream(req, limitBytes));
  if (raw.length > limitBytes) throw new AppError("PAYLOAD_TOO_LARGE", httpMessages.bodyTooLarge(limitBytes));
  if (raw.length === 0) return undefined;
  const type = String(req.headers["content-type"] ?? "");
  if (!/^application\/json\b/i.test(type) && !/^text\/plain\b/i.test(type)) {
    throw new AppError("INVALID_ARGUMENT", httpMessages.unsupportedMediaType());
  }
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : "JSON";
    throw new AppError("INVALID_ARGUMENT", httpMessages.invalidJson(detail));
  }
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
