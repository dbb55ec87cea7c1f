/** One `tdkt` sub-command. The dispatcher (main.ts) parses nothing but the command name. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: progress bars are drawn only there. */
  stderrIsTty?: boolean;
  /** Reads all of standard input (for "-" file arguments). */
  readStdin: () => Promise<string>;
}

export interface CliCommand {
  name: string;
  /** One Vietnamese line for `tdkt --help`. */
  summary: string;
  /** Vietnamese usage text for `tdkt NAME --help`. */
  usage: string;
  /** Exit code: 0 ok, 1 the input had errors (reported), 2 usage or system error. */
  run: (args: string[], io: CliIo) => Promise<number>;
}
