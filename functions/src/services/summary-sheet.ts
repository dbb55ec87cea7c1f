/**
 * The writer of the Department's summary spreadsheet (docs/leveling.md): rewrites whole tabs through
 * the Sheets API (@googleapis/sheets). Per run: one read of the tab list, one structural batchUpdate
 * (add the missing tabs, clear the values of the existing ones) and ONE values.batchUpdate with
 * every tab's grid, RAW, so nothing typed in a cell is ever run as a formula.
 */
import { auth, sheets, type sheets_v4 } from "@googleapis/sheets";
import { AppError, type ErrorCode } from "../domain/errors.js";
import { levelingMessages } from "../domain/messages/index.js";
import type { YearConfig } from "../domain/model.js";
import { type SummaryTab, summaryTabValues } from "../sheets/summary-tabs.js";

export type { SummaryTab } from "../sheets/summary-tabs.js";

const SCOPES = ["https://www.googleapis.com/auth/spreadsheets"];

/**
 * The Sheets client: Application Default Credentials (the function's service account, which the
 * spreadsheet is shared with). `rootUrl` points it elsewhere — only a loopback address, for a local
 * fake of the API (TDKT_SHEETS_ROOT_URL in tests and development), and then without credentials.
 */
export function sheetsClient(rootUrl?: string): sheets_v4.Sheets {
  if (rootUrl === undefined) return sheets({ version: "v4", auth: new auth.GoogleAuth({ scopes: SCOPES }) });
  const { hostname, protocol } = new URL(rootUrl);
  if (protocol !== "http:" || !["127.0.0.1", "localhost", "[::1]"].includes(hostname))
    throw new AppError("INVALID_ARGUMENT", levelingMessages.sheetsRootUrlNotLocal(rootUrl));
  return sheets({ version: "v4", rootUrl: rootUrl.endsWith("/") ? rootUrl : `${rootUrl}/`, retry: false });
}

/** The year's summary spreadsheet: years/{year}.summarySpreadsheetId, else TDKT_SUMMARY_SPREADSHEET_ID. */
export function summarySpreadsheetId(
  yearConfig: Pick<YearConfig, "summarySpreadsheetId"> | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const id = yearConfig?.summarySpreadsheetId ?? env.TDKT_SUMMARY_SPREADSHEET_ID;
  if (!id) throw new AppError("MISSING_DATA", levelingMessages.spreadsheetMissing);
  return id;
}

/** 'Bình xét – cảnh báo'!A1: titles quoted, inner quotes doubled (A1 notation). */
const a1 = (title: string): string => `'${title.replaceAll("'", "''")}'!A1`;

function sheetsError(error: unknown): AppError {
  const status = (error as { response?: { status?: number } }).response?.status;
  const detail = error instanceof Error ? error.message : String(error);
  const code: ErrorCode =
    status === undefined || status >= 500 || status === 429
      ? "UNAVAILABLE"
      : status === 404
        ? "NOT_FOUND"
        : status === 401 || status === 403
          ? "PERMISSION_DENIED"
          : "INTERNAL";
  return new AppError(code, levelingMessages.sheetsFailed(status ?? "—", detail), { status });
}

export interface SummaryWrite {
  spreadsheetId: string;
  tabs: { title: string; rows: number; created: boolean }[];
}

/** Rewrites `tabs` of the spreadsheet: afterwards each holds exactly its header and rows. */
export async function rewriteSummarySpreadsheet(
  client: sheets_v4.Sheets,
  spreadsheetId: string,
  tabs: readonly SummaryTab[],
): Promise<SummaryWrite> {
  try {
    const { data } = await client.spreadsheets.get({
      spreadsheetId,
      fields: "sheets.properties(sheetId,title)",
    });
    const existing = new Map<string, number>();
    for (const sheet of data.sheets ?? []) {
      const { title, sheetId } = sheet.properties ?? {};
      if (typeof title === "string" && typeof sheetId === "number") existing.set(title, sheetId);
    }
    const requests: sheets_v4.Schema$Request[] = tabs.map((tab) => {
      const sheetId = existing.get(tab.title);
      return sheetId === undefined
        ? { addSheet: { properties: { title: tab.title, gridProperties: { frozenRowCount: 1 } } } }
        : // No rows given: the whole sheet's values are cleared, formats kept.
          { updateCells: { range: { sheetId }, fields: "userEnteredValue" } };
    });
    if (requests.length > 0)
      await client.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
    await client.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: {
        valueInputOption: "RAW",
        data: tabs.map((tab) => ({ range: a1(tab.title), values: summaryTabValues(tab) })),
      },
    });
    return {
      spreadsheetId,
      tabs: tabs.map((tab) => ({
        title: tab.title,
        rows: tab.rows.length,
        created: !existing.has(tab.title),
      })),
    };
  } catch (error) {
    throw error instanceof AppError ? error : sheetsError(error);
  }
}
