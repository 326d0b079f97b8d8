import { homedir } from 'node:os';

/** Where output goes. A narrow slice of a stream so tests can capture it. */
export interface OutputStream {
  write(chunk: string): unknown;
}

/**
 * Everything a command reads from or writes to its surroundings. The bin passes
 * the real process; tests pass a temporary HOME, a fixed environment and
 * captured output, so no test touches the developer's ~/.keyplane or ~/.prefect.
 */
export interface CliContext {
  env: Record<string, string | undefined>;
  homeDir: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Reads all of standard input (for `auth login --key -`). */
  readStdin(): Promise<string>;
  /**
   * Aborted when the user asks the command to stop (Ctrl-C, SIGTERM); its
   * reason is the signal name. Long-running commands end cleanly on it.
   */
  stopSignal: AbortSignal;
  /** Wall clock, injectable for tests of relative times. */
  now(): Date;
}

export function homeDirFromEnv(env: Record<string, string | undefined>): string {
  return env.HOME || env.USERPROFILE || homedir();
}

export function createProcessContext(stopSignal: AbortSignal): CliContext {
  return {
    env: process.env,
    homeDir: homeDirFromEnv(process.env),
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stopSignal,
    now: () => new Date(),
  };
}
