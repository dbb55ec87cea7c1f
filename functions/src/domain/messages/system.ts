/** Messages of the local tooling: emulator launcher, CLI, start-up. Vietnamese first, English after. */
const installHelp = [
  "Cài Java 17 trở lên (Debian/Ubuntu: apt-get install openjdk-17-jre-headless) và trình giả lập Firestore chính thức:",
  "  - Google Cloud CLI: gcloud components install cloud-firestore-emulator",
  "    (hoặc apt-get install google-cloud-cli-firestore-emulator), hoặc",
  "  - đặt FIRESTORE_EMULATOR_JAR=/đường/dẫn/cloud-firestore-emulator.jar.",
  "Install Java 17+ and Google's Firestore emulator (gcloud components install cloud-firestore-emulator),",
  "or set FIRESTORE_EMULATOR_JAR to the path of cloud-firestore-emulator.jar.",
].join("\n");

export const systemMessages = {
  javaMissing: () =>
    `Không tìm thấy Java: trình giả lập Firestore cần Java 17 trở lên.\nJava was not found: the Firestore emulator needs Java 17+.\n${installHelp}`,
  javaTooOld: (major: number) =>
    `Java ${major} quá cũ: trình giả lập Firestore cần Java 17 trở lên.\nJava ${major} is too old: the Firestore emulator needs Java 17+.\n${installHelp}`,
  emulatorJarMissing: (searched: string[]) =>
    `Không tìm thấy trình giả lập Firestore. Đã tìm ở:\n${searched.map((p) => `  - ${p}`).join("\n")}\nThe Firestore emulator was not found.\n${installHelp}`,
  emulatorTimeout: (ms: number, tail: string) =>
    `Trình giả lập Firestore không sẵn sàng sau ${Math.round(ms / 1000)} giây.\nThe Firestore emulator was not ready in time.\n${tail}`,
  emulatorExited: (code: number | null, tail: string) =>
    `Trình giả lập Firestore dừng đột ngột (mã ${code}).\nThe Firestore emulator exited (code ${code}).\n${tail}`,
  exportFailed: (dir: string, reason: string) =>
    `Không lưu được dữ liệu cục bộ (${reason}); bản lưu trước vẫn còn nguyên trong ${dir}.\nThe local data could not be exported; the previous export in ${dir} is kept.`,
  exportTimedOut: (ms: number) => `quá ${Math.round(ms / 1000)} giây`,
  storeUnavailable: () =>
    "Máy chủ dữ liệu (Firestore) không phản hồi kịp. Hãy kiểm tra trình giả lập hoặc kết nối mạng rồi chạy lại lệnh; dữ liệu đã ghi sẽ không bị trùng lặp.\nFirestore did not answer in time; check the emulator or the network and run the command again.",
  invalidConfig: (problems: string) => `Cấu hình môi trường không hợp lệ: ${problems}`,
  devSecretInProduction: () =>
    "TDKT_DEV_AUTH_SECRET chỉ dùng cho môi trường phát triển; môi trường production không chấp nhận khóa ký cục bộ.",
  logHashKeyMissing: () =>
    "Môi trường production cần TDKT_LOG_HASH_KEY (ít nhất 16 ký tự, giữ bí mật): khóa băm định danh người gọi trong nhật ký.",
  callDeadlineOverBudget: () =>
    "TDKT_FIRESTORE_CALL_DEADLINE_MS phải nhỏ hơn hoặc bằng TDKT_REQUEST_BUDGET_MS: một lệnh gọi Firestore không được dài hơn cả yêu cầu.",
} as const;
