/**
 * A local fake of the Google Sheets REST API v4 on 127.0.0.1, for the real @googleapis/sheets client
 * (its `rootUrl` pointed here). It serves the endpoints the summary writer uses — spreadsheets.get,
 * spreadsheets.batchUpdate (addSheet, updateCells clearing values) and spreadsheets.values.batchUpdate
 * with A1 ranges "'Title'!A1" — records every request and holds each tab's grid. `failNext` makes the
 * next matching request fail with a status, as Google's front end does under load.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The path without the query, e.g. "/v4/spreadsheets/abc/values:batchUpdate". */
  path: string;
  body: unknown;
}

/** The two structural requests the writer sends. */
interface StructuralRequest {
  addSheet?: { properties?: { title?: string } };
  updateCells?: { range?: { sheetId?: number }; fields?: string; rows?: unknown[] };
}

interface FakeSheet {
  sheetId: number;
  title: string;
  grid: unknown[][];
}

export interface SheetsFake {
  rootUrl: string;
  requests: RecordedRequest[];
  /** The tab's grid, or undefined when the spreadsheet has no such tab. */
  grid(spreadsheetId: string, title: string): unknown[][] | undefined;
  titles(spreadsheetId: string): string[];
  /** Adds a spreadsheet with these tabs and grids. */
  create(spreadsheetId: string, tabs?: Record<string, unknown[][]>): void;
  failNext(pathEnding: string, status: number): void;
  close(): Promise<void>;
}

const googleError = (response: ServerResponse, status: number, message: string) => {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(
    JSON.stringify({
      error: { code: status, message, status: status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT" },
    }),
  );
};

const readBody = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
};

/** "'Bình xét – cảnh báo'!A1" → the title; only whole-tab A1 anchors are served. */
function titleOfRange(range: string): string | undefined {
  const match = /^'((?:[^']|'')*)'!A1$/.exec(range);
  return match?.[1]?.replaceAll("''", "'");
}

export async function startSheetsFake(): Promise<SheetsFake> {
  const spreadsheets = new Map<string, FakeSheet[]>();
  const requests: RecordedRequest[] = [];
  const failures: { pathEnding: string; status: number }[] = [];
  let nextSheetId = 100;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const body = await readBody(request);
    const path = decodeURIComponent(url.pathname);
    requests.push({ method: request.method ?? "", path, body });
    const failure = failures.findIndex((f) => path.endsWith(f.pathEnding));
    if (failure >= 0) {
      const status = failures.splice(failure, 1)[0]?.status ?? 500;
      return googleError(response, status, "The service is currently unavailable.");
    }
    const match = /^\/v4\/spreadsheets\/([^/:]+)(:batchUpdate|\/values:batchUpdate)?$/.exec(path);
    const sheets = match ? spreadsheets.get(match[1] ?? "") : undefined;
    if (!match || !sheets) return googleError(response, 404, "Requested entity was not found.");
    const reply = (data: unknown) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(data));
    };
    const spreadsheetId = match[1];

    if (request.method === "GET" && match[2] === undefined)
      return reply({
        spreadsheetId,
        sheets: sheets.map(({ sheetId, title }) => ({ properties: { sheetId, title } })),
      });

    if (request.method === "POST" && match[2] === ":batchUpdate") {
      const replies: unknown[] = [];
      for (const item of (body as { requests?: StructuralRequest[] }).requests ?? []) {
        if (item.addSheet) {
          const title = String(item.addSheet.properties?.title ?? "");
          if (sheets.some((sheet) => sheet.title === title))
            return googleError(response, 400, `A sheet with the name "${title}" already exists.`);
          const sheet = { sheetId: nextSheetId++, title, grid: [] };
          sheets.push(sheet);
          replies.push({ addSheet: { properties: { sheetId: sheet.sheetId, title } } });
        } else if (item.updateCells) {
          const { range, fields, rows } = item.updateCells;
          const sheet = sheets.find((s) => s.sheetId === range?.sheetId);
          if (!sheet || fields !== "userEnteredValue" || rows)
            return googleError(response, 400, "Only clearing a whole sheet's values is served.");
          sheet.grid = [];
          replies.push({});
        } else return googleError(response, 400, "Unsupported request.");
      }
      return reply({ spreadsheetId, replies });
    }

    if (request.method === "POST" && match[2] === "/values:batchUpdate") {
      const { valueInputOption, data } = body as {
        valueInputOption?: string;
        data?: { range: string; values: unknown[][] }[];
      };
      if (valueInputOption !== "RAW" && valueInputOption !== "USER_ENTERED")
        return googleError(response, 400, "Invalid valueInputOption.");
      let cells = 0;
      for (const { range, values } of data ?? []) {
        const sheet = sheets.find((s) => s.title === titleOfRange(range));
        if (!sheet) return googleError(response, 400, `Unable to parse range: ${range}`);
        values.forEach((row, r) => {
          sheet.grid[r] = [...row];
          cells += row.length;
        });
      }
      return reply({ spreadsheetId, totalUpdatedCells: cells, totalUpdatedSheets: data?.length ?? 0 });
    }
    return googleError(response, 404, "Not found.");
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => googleError(response, 500, String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    requests,
    grid: (spreadsheetId, title) => spreadsheets.get(spreadsheetId)?.find((s) => s.title === title)?.grid,
    titles: (spreadsheetId) => (spreadsheets.get(spreadsheetId) ?? []).map((sheet) => sheet.title),
    create: (spreadsheetId, tabs = { "Trang tính1": [] }) => {
      spreadsheets.set(
        spreadsheetId,
        Object.entries(tabs).map(([title, grid]) => ({ sheetId: nextSheetId++, title, grid })),
      );
    },
    failNext: (pathEnding, status) => failures.push({ pathEnding, status }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
