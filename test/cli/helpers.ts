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
  return startKeyplane(argv, options).done;
}

export interface RunningKeyplane {
  output(): string;
  /** Resolves once the output matches; rejects if the command ends first or after the timeout. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Asks the command to stop, as Ctrl-C does. */
  stop(): void;
  done: Promise<CliRun>;
}

/** Starts the command in-process, for long-running commands (the agent) a test interacts with. */
export function startKeyplane(argv: string[], options: RunOptions): RunningKeyplane {
  let stdout = '';
  let stderr = '';
  let finished = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  const stop = new AbortController();
  const ctx: CliContext = {
    env: { HOME: options.home, ...options.env },
    homeDir: options.home,
    stdout: { write: (chunk: string) => ((stdout += chunk), notify()) },
    stderr: { write: (chunk: string) => ((stderr += chunk), notify()) },
    readStdin: async () => options.stdin ?? '',
    stopSignal: options.stopSignal ? AbortSignal.any([options.stopSignal, stop.signal]) : stop.signal,
    now: () => options.now ?? new Date(),
  };
  const done = runCli(argv, ctx).then((code) => {
    finished = true;
    notify();
    return { code, stdout, stderr, output: stdout + stderr };
  });
  return {
    output: () => stdout + stderr,
    stop: () => stop.abort('SIGINT'),
    done,
    waitFor(pattern, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(stdout + stderr)) finish(resolve);
          else if (finished) finish(() => reject(new Error(`keyplane ended before printing ${pattern}:\n${stdout}${stderr}`)));
        };
        const finish = (settle: () => void) => {
          listeners.delete(check);
          clearTimeout(timer);
          settle();
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${pattern}:\n${stdout}${stderr}`))), timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}
