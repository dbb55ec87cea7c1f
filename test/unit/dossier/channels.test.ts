import { describe, expect, it } from "vitest";
import {
  channelFile,
  dossierEntries,
  managingDeciderOf,
  proposalChannels,
} from "../../../functions/src/services/dossier/channels.js";
import { contextOf, schoolData, YEAR } from "./fixture.js";

const proposal = (
  subjectId: string,
  target: "LDTT" | "CSTD_CS" | "BK_CT_UBND_TINH" | "BK_TTG" | "TTLDTT",
) => ({
  year: YEAR,
  unitId: "THCS_ND",
  subjectKind: subjectId === "THCS_ND" ? ("collective" as const) : ("individual" as const),
  subjectId,
  target,
  kind: "CONG_TRANG" as const,
});

describe("dossier channels", () => {
  const data = schoolData();
  const context = contextOf(data);
  const entries = dossierEntries(
    context,
    [
      proposal("GV1", "LDTT"),
      proposal("GV1", "BK_TTG"),
      proposal("GV2", "BK_CT_UBND_TINH"),
      proposal("THCS_ND", "TTLDTT"),
      proposal("GV3", "CSTD_CS"),
    ],
    [{ subjectId: "GV3", name: "Trần Minh Khoa", target: "CSTD_CS", failed: ["CSCS-04"] }],
  );

  it("leaves out the excluded proposals and names each subject", () => {
    expect(entries.map((entry) => [entry.name, entry.code])).toEqual([
      ["Nguyễn Thị Hoa", "LDTT"],
      ["Nguyễn Thị Hoa", "BK_TTG"],
      ["Lê Văn Nam", "BK_CT_UBND_TINH"],
      ["Trường THCS Nguyễn Du", "TTLDTT"],
    ]);
  });

  it("puts the managing level's titles first, then one tờ trình per higher decider, through the commune", () => {
    const decider = managingDeciderOf(data.unit, undefined);
    expect(decider).toBe("Chủ tịch Ủy ban nhân dân xã An Thịnh");
    const channels = proposalChannels(data.unit, entries, decider);
    expect(
      channels.map((channel) => [channel.key, channel.decider, channel.entries.map((e) => e.code)]),
    ).toEqual([
      ["XA", decider, ["LDTT", "TTLDTT"]],
      ["TTG", `Thủ tướng Chính phủ (qua ${decider})`, ["BK_TTG"]],
      ["TINH", `Chủ tịch Ủy ban nhân dân tỉnh (qua ${decider})`, ["BK_CT_UBND_TINH"]],
    ]);
    expect(channelFile("01-to-trinh.pdf", channels, "XA")).toBe("01-to-trinh.pdf");
    expect(channelFile("01-to-trinh.pdf", channels, "TINH")).toBe("01-to-trinh-3.pdf");
  });

  it("takes the decider named in the options, and drops an empty managing channel", () => {
    const higherOnly = entries.filter((entry) => entry.code === "BK_TTG");
    const channels = proposalChannels(
      data.unit,
      higherOnly,
      managingDeciderOf(data.unit, "Chủ tịch UBND xã"),
    );
    expect(channels.map((channel) => [channel.key, channel.decider])).toEqual([
      ["TTG", "Thủ tướng Chính phủ (qua Chủ tịch UBND xã)"],
    ]);
    // A list of a channel without a tờ trình goes with the first one.
    expect(channelFile("03-danh-sach-ca-nhan.pdf", channels, "XA")).toBe("03-danh-sach-ca-nhan.pdf");
  });

  it("sends a Department-managed school's own titles to the Giám đốc Sở", () => {
    const unit = {
      ...data.unit,
      managingAuthority: "SO_GDDT" as const,
      managingBodyName: "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
    };
    const channels = proposalChannels(unit, entries, managingDeciderOf(unit, undefined));
    expect(channels.map((channel) => [channel.key, channel.decider])).toEqual([
      ["SO", "Giám đốc Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh"],
      ["TTG", "Thủ tướng Chính phủ (qua Giám đốc Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh)"],
      ["TINH", "Chủ tịch Ủy ban nhân dân tỉnh (qua Giám đốc Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh)"],
    ]);
  });
});
