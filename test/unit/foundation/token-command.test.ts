import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tokenCommand } from "../../../functions/src/cli/commands/token.js";
import { createTokenVerifier } from "../../../functions/src/http/tokens.js";

const SECRET = "token-command-secret-0123456789";
const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await tokenCommand.run(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => "",
  });
  return { code, out: out.join(""), err: err.join("") };
};

describe("tdkt token", () => {
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env.TDKT_DEV_AUTH_SECRET;
    process.env.TDKT_DEV_AUTH_SECRET = SECRET;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.TDKT_DEV_AUTH_SECRET;
    else process.env.TDKT_DEV_AUTH_SECRET = previous;
  });

  it("prints a token the server accepts, for the lower-case address", async () => {
    const { code, out } = await run(["CanBo@Truong.Example.org"]);
    expect(code).toBe(0);
    const verify = createTokenVerifier({ audiences: async () => [], devSecret: SECRET });
    expect((await verify(out.trim())).email).toBe("canbo@truong.example.org");
  });

  it("refuses a lifetime the server would refuse", async () => {
    for (const hours of ["9", "0", "-1", "nhiều"]) {
      const { code, err } = await run(["canbo@truong.example.org", `--hours=${hours}`]);
      expect(code).toBe(2);
      expect(err).toMatch(/--hours phải lớn hơn 0 và không quá 8/);
    }
  });
});
