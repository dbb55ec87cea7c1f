/** Messages of checking a unit's stored proposals. */
export const eligibilityServiceMessages = {
  invalidYear: (year: string) => `Năm học "${year}" không hợp lệ: hãy ghi dạng 2025-2026.`,
} as const;
