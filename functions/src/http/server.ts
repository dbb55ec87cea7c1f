/** A plain Node HTTP server around the `api` handler: `tdkt serve`, `npm start` and the HTTP tests. */
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { httpMessages } from "../domain/messages/index.js";
import type { ApiHandler } from "./app.js";

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export function listen(handler: ApiHandler, port = 0, host = "127.0.0.1"): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : undefined);
    });
  });
  server.on("clientError", answerMalformed);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://${host}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * A request Node's parser cannot read (a broken request line, a body without its length) still gets
 * the API's JSON error body, not Node's bare "400 Bad Request"; the connection is closed after it.
 */
function answerMalformed(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
  const reason = status === 431 ? "Request Header Fields Too Large" : "Bad Request";
  const body = JSON.stringify({
    error: { code: "INVALID_ARGUMENT", message: httpMessages.malformedRequest(), field: "request" },
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
