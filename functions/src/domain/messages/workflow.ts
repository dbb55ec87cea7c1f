/** Messages of the dossier workflow. */
import type { StepParty, WorkflowAction, WorkflowActor } from "../workflow.js";

/** Who took a step, as messages name it. */
export const workflowPartyLabels: Record<StepParty["level"], string> = {
  SCHOOL: "trường",
  XA: "Ủy ban nhân dân xã",
  SO: "Sở Giáo dục và Đào tạo",
};

/** The name of each step of the workflow table. */
export const workflowActionLabels: Record<WorkflowAction, string> = {
  SUBMIT: "Gửi hồ sơ",
  RETURN: "Trả lại hồ sơ",
  ACCEPT: "Tiếp nhận, thẩm định",
  SEND_TO_COUNCIL: "Trình Hội đồng",
  APPROVE: "Phê duyệt",
  RECORD_DECISION: "Ghi nhận quyết định",
  PUBLISH: "Công bố quyết định",
  SUSPEND: "Tạm dừng xét (G-04)",
  RESUME: "Tiếp tục xét",
  REVOKE: "Hủy bỏ (G-10)",
};

/** Who takes a step of the table. */
export const workflowActorLabels: Record<WorkflowActor, string> = {
  SCHOOL: "đơn vị có hồ sơ (trường; Sở với hồ sơ trình tỉnh)",
  APPRAISER: "cấp quản lý (thẩm định; hồ sơ của Sở: tỉnh, Sở ghi thay)",
  DECIDER: "cấp quyết định khen thưởng",
};

const quoted = (labels: readonly string[]) => labels.map((label) => `"${label}"`).join(", ");

export const workflowMessages = {
  unknownState: (state: string) => `Trạng thái hồ sơ "${state}" không có trong quy trình.`,
  notFound: (id: string) => `Không có hồ sơ "${id}". Hãy tạo hồ sơ đề nghị trước.`,
  appraisersOnly: () =>
    "Chỉ chuyên viên thẩm định (xã quản lý trường, hoặc Sở) được chuyển hồ sơ sang bước này; trường chỉ gửi hồ sơ.",
  schoolOnly: () => "Chỉ trường có hồ sơ được gửi hồ sơ của mình; cấp thẩm định không gửi thay trường.",
  notManagingLevel: (managingBodyName: string) =>
    `Hồ sơ của trường này do ${managingBodyName} thẩm định; vai trò của tài khoản này không được chuyển bước hồ sơ.`,
  suspendedByOther: (party: string) =>
    `Hồ sơ đang tạm dừng xét do ${party} quyết định; chỉ cơ quan đó được tiếp tục hoặc hủy bỏ hồ sơ.`,
  noteRequired: (to: string) => `Chuyển hồ sơ sang "${to}" cần ghi rõ lý do (note).`,
  notAllowed: (from: string, to: string, allowed: readonly string[]) =>
    `Không thể chuyển hồ sơ từ "${from}" sang "${to}". ${
      allowed.length > 0 ? `Bước tiếp theo có thể là: ${quoted(allowed)}.` : "Hồ sơ đã kết thúc."
    }`,
  rebuildNotAllowed: (state: string, allowed: readonly string[]) =>
    `Hồ sơ đang ở trạng thái "${state}" nên không lập lại được: chỉ lập lại hồ sơ khi ở trạng thái ${quoted(allowed)}. Nếu cần sửa, hãy đề nghị cấp thẩm định trả lại hồ sơ.`,
  byDecision: (action: string) =>
    `Bước "${action}" được thực hiện bằng quyết định khen thưởng (tab "Quyết định khen thưởng", POST /v1/decisions hoặc lệnh "tdkt decision"), không chuyển trạng thái trực tiếp.`,
  notTheirRole: (roles: readonly string[]) =>
    `Vai trò của tài khoản này không được thực hiện bước này; chỉ: ${roles.join(", ")}.`,
  invalidBody: () => 'Nội dung yêu cầu phải có dạng { "to": "SUBMITTED", "note": "…" }.',
} as const;
