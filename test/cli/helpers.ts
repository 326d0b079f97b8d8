import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/program.js';

/** A fresh HOME for one test: no test reads or writes the developer's ~/.keyplane or ~/.prefect. */
export function temporaryHome(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'keyplane-cli-home-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Everything printed, for "never prints the key" assertions. */
  output: string;
}

export interface RunOptions {
  home: string;
  env?: Record<string, string | undefined>;
  stdin?: string;
  stopSignal?: AbortSignal;
  now?: Date;
}

/** Runs the command in-process with captured output. */
export async function runKeyplane(argv: string[], options: RunOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    env: { HOME: options.home, ...options.env },
    homeDir: options.home,
    cwd: options.home,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    readStdin: async () => options.stdin ?? '',
    stopSignal: options.stopSignal ?? new AbortController().signal,
    now: () => options.now ?? new Date(),
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr, output: stdout + stderr };
}
