import { describe, expect, it } from "vitest";
import { statusText } from "../../../apps-script/src/server.js";
import { parseIngestReply, STATUS_COLOURS, statusBlock } from "../../../apps-script/src/statuses.js";
import { appsScriptMessages, sheetMessages } from "../../../functions/src/domain/messages/index.js";

describe("the status block written back", () => {
  it("escapes every value that Sheets would run as a formula", () => {
    const current = ['=IMPORTXML("http://x")', "+84 912", "-1", "@mention", "Đã nhận", "05/09/2025", ""];
    const block = statusBlock(current, 2, new Map());
    expect(block.values).toEqual([
      ['\'=IMPORTXML("http://x")'],
      ["'+84 912"],
      ["'-1"],
      ["'@mention"],
      ["Đã nhận"],
      ["05/09/2025"],
      [""],
    ]);
  });

  it("takes new texts for the rows answered and colours every row by its text", () => {
    const updates = new Map([
      [3, `${sheetMessages.statusRejected}: Cột "Giới tính" sai.`],
      [4, ""],
    ]);
    const block = statusBlock(
      [sheetMessages.statusUnchanged, "x", "y", appsScriptMessages.statusPending],
      2,
      updates,
    );
    expect(block.values.map(([v]) => v)).toEqual([
      sheetMessages.statusUnchanged,
      `${sheetMessages.statusRejected}: Cột "Giới tính" sai.`,
      "",
      appsScriptMessages.statusPending,
    ]);
    expect(block.colours).toEqual([
      [STATUS_COLOURS.accepted],
      [STATUS_COLOURS.rejected],
      [null],
      [STATUS_COLOURS.pending],
    ]);
  });
});

describe("the ingest answer", () => {
  it("reads the rows it understands and leaves the others out", () => {
    expect(
      parseIngestReply({
        accepted: 1,
        rejected: 1,
        rows: [
          { row: 2, status: "accepted", change: "unchanged", errors: [] },
          {
            row: 3,
            status: "rejected",
            errors: [{ column: "Giới tính", code: "INVALID_ENUM", message: "sai" }],
          },
          { row: 4, status: "maybe", errors: [] },
          { status: "accepted" },
        ],
      }),
    ).toEqual({
      withdrawn: 0,
      rows: [
        { row: 2, status: "accepted", change: "unchanged", errors: [] },
        {
          row: 3,
          status: "rejected",
          errors: [{ column: "Giới tính", code: "INVALID_ENUM", message: "sai" }],
        },
      ],
    });
    expect(parseIngestReply({ error: { code: "X", message: "y" } })).toBeUndefined();
    // A late registration is accepted with a note, which the status cell shows after "Đã nhận".
    const late = parseIngestReply({
      rows: [{ row: 5, status: "accepted", change: "created", errors: [], notes: ["Đăng ký sau hạn."] }],
    });
    expect(late?.rows[0]).toEqual({
      row: 5,
      status: "accepted",
      change: "created",
      errors: [],
      notes: ["Đăng ký sau hạn."],
    });
    expect(statusText(late?.rows[0] ?? { status: "rejected", errors: [] })).toBe(
      "Đã nhận — Lưu ý: Đăng ký sau hạn.",
    );
    expect(parseIngestReply("<html>")).toBeUndefined();
  });
});
