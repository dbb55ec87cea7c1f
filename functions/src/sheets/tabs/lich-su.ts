/** Lịch sử khen thưởng: titles and awards of past years, the first entries of the ledger. */
import { awardId } from "../../domain/document-ids.js";
import { Award } from "../../domain/model.js";
import { defineTab, pick } from "../definition.js";
import {
  awardKindColumn,
  dateColumn,
  decisionDateColumn,
  decisionNoColumn,
  subjectColumns,
  textColumn,
} from "./columns.js";
import { OPTIONS } from "./options.js";

/** An award without a Loại hình khen thưởng is công trạng (as a proposal without one is). */
const DEFAULT_AWARD_KIND = "CONG_TRANG";

export const awardHistory = defineTab({
  id: "lich-su",
  title: "Lịch sử khen thưởng",
  audience: "school",
  scope: "unit",
  needsYear: false,
  description:
    "Danh hiệu, hình thức khen thưởng đã được tặng các năm trước (dữ liệu ban đầu của sổ theo dõi).",
  columns: [
    ...subjectColumns,
    textColumn("year", "Năm học", "Dạng 2023-2024.", 11, true),
    {
      key: "code",
      header: "Danh hiệu thi đua/Hình thức khen thưởng",
      type: "enum",
      options: OPTIONS.awardCode,
      required: true,
      help: "",
      width: 32,
    },
    awardKindColumn,
    decisionNoColumn,
    decisionDateColumn,
    textColumn("issuer", "Cơ quan ban hành", "Ví dụ Ủy ban nhân dân tỉnh.", 24),
    textColumn("proposalNo", "Số tờ trình", "", 14),
    dateColumn("proposalDate", "Ngày tờ trình"),
  ],
  naturalKey: ["subjectId", "year", "code", "kind"],
  primary: "awards",
  namesFormerStaff: true,
  toDocuments: (row, { unitId }) => {
    const kind = row.kind ?? DEFAULT_AWARD_KIND;
    const id = awardId({ unitId, subjectId: row.subjectId, year: row.year, code: row.code, kind });
    return [
      {
        collection: "awards",
        id,
        data: {
          kind,
          ...pick(row, [
            "subjectKind",
            "subjectId",
            "year",
            "code",
            "kind",
            "decisionNo",
            "decisionDate",
            "issuer",
            "proposalNo",
            "proposalDate",
          ]),
          id,
          unitId,
        },
        schema: Award,
      },
    ];
  },
});
