import { describe, expect, it } from "vitest";
import { runCli } from "../../../functions/src/cli/run.js";
import { AppError } from "../../../functions/src/domain/errors.js";
import { toErrorResponse } from "../../../functions/src/http/errors.js";
import {
  checkDeadline,
  DeadlineExceededError,
  withinDeadline,
} from "../../../functions/src/store/deadline.js";

/** An error shaped like the Firestore client's (a gRPC status code and its English text). */
const grpcError = (code: number, text: string) => Object.assign(new Error(text), { code });

describe("withinDeadline", () => {
  it("rejects at the deadline while the work still hangs, and stops the work at its next checkpoint", async () => {
    let checkpointError: unknown;
    let release: () => void = () => {};
    const started = Date.now();
    const outcome = withinDeadline({ at: started + 150, graceMs: 1_000 }, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      try {
        checkDeadline();
      } catch (error) {
        checkpointError = error;
      }
    });
    await expect(outcome).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(1_000);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(checkpointError).toBeInstanceOf(DeadlineExceededError);
  });

  it("returns the work's result when it finishes in time, and checks nothing outside a request", async () => {
    expect(await withinDeadline({ at: Date.now() + 1_000, graceMs: 0 }, async () => "xong")).toBe("xong");
    expect(() => checkDeadline()).not.toThrow();
  });
});

describe("the error mapping of a store that does not answer", () => {
  it.each([
    ["the request budget", new DeadlineExceededError({ at: 0, graceMs: 10_000 })],
    ["gRPC DEADLINE_EXCEEDED", grpcError(4, "4 DEADLINE_EXCEEDED: Deadline exceeded after 10.001s")],
    ["gRPC UNAVAILABLE", grpcError(14, "14 UNAVAILABLE: No connection established")],
  ])("answers %s with 503 UNAVAILABLE, Retry-After and what to do, in Vietnamese", (_, error) => {
    const mapped = toErrorResponse(error, "req-1", { storeRetryAfterSeconds: 10 });
    expect(mapped.status).toBe(503);
    expect(mapped.headers).toEqual({ "retry-after": "10" });
    expect(mapped.body.error).toMatchObject({ code: "UNAVAILABLE", details: { retryAfterSeconds: 10 } });
    expect(mapped.body.error.message).toContain("Vui lòng gửi lại sau 10 giây");
    expect(mapped.body.error.message).toContain("không bị trùng lặp");
    expect(mapped.body.error.message).not.toMatch(/DEADLINE|UNAVAILABLE/);
  });

  it("keeps other gRPC failures internal (500, no Retry-After, no text of theirs)", () => {
    const mapped = toErrorResponse(grpcError(7, "7 PERMISSION_DENIED: Nguyễn Thị Lan"), "req-2", {
      storeRetryAfterSeconds: 10,
    });
    expect(mapped).toMatchObject({ status: 500, headers: {}, body: { error: { code: "INTERNAL" } } });
    expect(mapped.body.error.message).not.toContain("Nguyễn");
  });

  it("exits the CLI with 2 (a system error) and a Vietnamese message, like the 503 of the API", async () => {
    const errors: string[] = [];
    const io = { stdout: () => {}, stderr: (text: string) => errors.push(text), readStdin: async () => "" };
    const failing = (error: unknown) => [
      { name: "x", summary: "", usage: "", run: async () => Promise.reject(error) },
    ];
    expect(await runCli(["x"], io, failing(grpcError(14, "14 UNAVAILABLE")))).toBe(2);
    expect(errors.join("")).toContain("Máy chủ dữ liệu (Firestore) không phản hồi kịp");
    expect(await runCli(["x"], io, failing(new AppError("UNAVAILABLE", "tạm thời")))).toBe(2);
    expect(await runCli(["x"], io, failing(new AppError("INVALID_ARGUMENT", "sai")))).toBe(1);
  });
});
