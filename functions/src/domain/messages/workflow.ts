/** Messages of the dossier workflow. */
export const workflowMessages = {
  unknownState: (state: string) => `Trạng thái hồ sơ "${state}" không có trong quy trình.`,
  notFound: (id: string) => `Không có hồ sơ "${id}". Hãy tạo hồ sơ đề nghị trước.`,
  appraisersOnly: () =>
    "Chỉ chuyên viên thẩm định (xã quản lý trường, hoặc Sở) được chuyển hồ sơ sang bước này; trường chỉ gửi hồ sơ.",
  notAllowed: (from: string, to: string, allowed: readonly string[]) =>
    `Không thể chuyển hồ sơ từ "${from}" sang "${to}". ${
      allowed.length > 0
        ? `Bước tiếp theo có thể là: ${allowed.map((s) => `"${s}"`).join(", ")}.`
        : "Hồ sơ đã kết thúc."
    }`,
  invalidBody: () => 'Nội dung yêu cầu phải có dạng { "to": "SUBMITTED", "note": "…" }.',
} as const;
