/** Messages of checking a unit's stored proposals. */
export const eligibilityServiceMessages = {
  unitNotFound: (unitId: string) => `Không có đơn vị "${unitId}" trong hệ thống (tab Đơn vị của Sở).`,
  invalidYear: (year: string) => `Năm học "${year}" không hợp lệ: hãy ghi dạng 2025-2026.`,
} as const;
