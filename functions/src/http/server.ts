/** A plain Node HTTP server around the `api` handler: `tdkt serve`, `npm start` and the HTTP tests. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
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
