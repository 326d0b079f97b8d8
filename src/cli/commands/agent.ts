import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { hostname, constants as osConstants } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { ApiClient, ApiError, KeyRejectedError, StoppedError, UnreachableError } from '../api-client.js';
import type { CliContext, OutputStream } from '../context.js';
import { agentHeaders, MAX_AGENT_LABELS } from '../../shared/agents.js';
import { checkNameText } from '../../shared/names.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { isWellFormedKey } from '../../server/auth/key-format.js';
import {
  AGENT_TOKEN_ENV,
  API_KEY_ENV,
  assertWellFormed,
  keyWarnings,
  PREFECT_API_ENV,
  resolveAgentKey,
  resolveApiUrl,
  type ResolvedApiUrl,
  type ResolvedKey,
} from '../key-source.js';
import { AUTH_INFO, fetchKeyDetails, type AuthInfo, type AuthInfoResult } from '../operations.js';
import { accountKind, describeExpiry, roleName } from '../output.js';
import type { Action } from '../program.js';

// The agent: authenticates with a (service-account) key, says who it runs as,
// then checks in at an interval. A refused key stops it with its own exit code;
// an unreachable server does not: it retries with backoff, because agents
// outlive server restarts and network blips.

export const KEY_SOURCES_HELP = `Where the agent finds its key, first match wins (it says which, never the key):
  1. -k/--key or -t/--token
  2. the PREFECT__CLOUD__AGENT__AUTH_TOKEN environment variable
  3. the PREFECT__CLOUD__API_KEY environment variable
  4. [cloud.agent] auth_token in $HOME/.prefect/config.toml (or $PREFECT__USER_CONFIG_PATH)
  5. [cloud] api_key in the same file
  6. ~/.keyplane/auth.toml (written by keyplane auth login)
The API URL: --api, else $KEYPLANE_API, else the URL kept with the key
($PREFECT__CLOUD__API for a flag or environment key, [cloud] api in config.toml,
api in auth.toml), else http://127.0.0.1:4200.

A key from a file (4, 5 or 6) is watched: \`agent start\` picks up a new key written
there (keyplane auth rotate-key --write-config) without a restart, once the API
accepts it, and keeps the old key until then.

When the API refuses the key (revoked, expired, or its service account removed)
the agent stops with exit code 4; start it again with a new key. Network failures
and server errors are retried with backoff. Ctrl-C or SIGTERM stops it (exit 0).`;

const KEY_REFUSED_WHILE_RUNNING =
  "The agent's API key was revoked or has expired (or its service account was removed). " + 'The agent must be started with a new key.';

/** How long a command gets to end after SIGTERM when the agent's key was refused. */
const COMMAND_STOP_GRACE_MS = 10_000;

export function parseInterval(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0.05 || seconds > 86_400) {
    throw new InvalidArgumentError('the interval is a number of seconds from 0.05 to 86400.');
  }
  return seconds;
}

interface AgentOptions {
  key?: string;
  token?: string;
  api?: string;
  interval: number;
  name?: string;
  label: string[];
}

function parseAgentName(value: string): string {
  const checked = checkNameText(value);
  if (!checked.ok) throw new InvalidArgumentError('a name of 1 to 100 characters, without control characters.');
  return checked.name;
}

function collectLabel(value: string, previous: string[]): string[] {
  const checked = checkNameText(value);
  if (!checked.ok) throw new InvalidArgumentError('a label of 1 to 100 characters, without control characters.');
  if (previous.length >= MAX_AGENT_LABELS) throw new InvalidArgumentError(`at most ${MAX_AGENT_LABELS} labels.`);
  return [...previous, checked.name];
}

/**
 * The agent's name and labels ride on the check-ins it sends anyway, so that the
 * Service Accounts page lists it under its key without a request of its own.
 */
function identityHeaders(options: AgentOptions): Record<string, string> {
  const host = checkNameText(hostname());
  return agentHeaders(options.name ?? (host.ok ? host.name : 'agent'), options.label);
}

type Log = (message: string) => void;

function timestamped(stream: OutputStream): Log {
  return (message) => stream.write(`${new Date().toISOString().slice(0, 19)}Z ${message}\n`);
}

/** Waits, unless the signal fires first; true if the full time passed. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry delays: from min(interval, 1 s), doubling, up to max(interval, 30 s), with ±20% jitter. */
export function backoffDelays(intervalSeconds: number): () => number {
  const first = Math.min(intervalSeconds, 1) * 1000;
  const cap = Math.max(intervalSeconds, 30) * 1000;
  let next = first;
  return () => {
    const delay = next * (0.8 + Math.random() * 0.4);
    next = Math.min(next * 2, cap);
    return Math.round(delay);
  };
}

function isRetryable(error: unknown): boolean {
  return error instanceof UnreachableError || (error instanceof ApiError && error.transient);
}

interface AuthenticatedAgent {
  client: ApiClient;
  api: ResolvedApiUrl;
  resolved: ResolvedKey;
  info: AuthInfo;
}

/**
 * Finds the key, refuses a malformed one before any request, and authenticates,
 * retrying while the server cannot be reached. Undefined: stopped by the user.
 */
async function authenticate(ctx: CliContext, options: AgentOptions, log: Log, warn: Log): Promise<AuthenticatedAgent | undefined> {
  if (options.key !== undefined && options.token !== undefined && options.key !== options.token) {
    throw new CliError('Give the key once: --key and --token are the same option, and they differ here.', ExitCode.USAGE);
  }
  const flagValue = options.key ?? options.token;
  const resolved = resolveAgentKey({
    flag: flagValue === undefined ? undefined : { option: options.key !== undefined ? '--key' : '--token', value: flagValue },
    env: ctx.env,
    homeDir: ctx.homeDir,
  });
  log(`Using the API key from ${resolved.source.description}.`);
  assertWellFormed(resolved);
  for (const warning of keyWarnings(resolved, 'agent')) warn(warning);

  const api = resolveApiUrl({ flag: options.api, env: ctx.env, pairedApiUrl: resolved.source.pairedApiUrl });
  const client = new ApiClient({ endpoint: api.endpoint, key: resolved.key, stopSignal: ctx.stopSignal, headers: identityHeaders(options) });
  const nextDelay = backoffDelays(options.interval);
  for (;;) {
    try {
      const info = (await client.request<AuthInfoResult>(AUTH_INFO)).auth_info;
      return { client, api, resolved, info };
    } catch (error) {
      if (error instanceof StoppedError) return undefined;
      if (error instanceof KeyRejectedError) {
        throw new CliError(`${error.message} Start the agent with a valid key (a service-account key from Team > Service Accounts).`, ExitCode.KEY_REJECTED);
      }
      if (!isRetryable(error)) {
        if (error instanceof ApiError) throw new CliError(error.message, ExitCode.ERROR);
        throw error;
      }
      const delay = nextDelay();
      warn(`${(error as Error).message} Retrying in ${formatSeconds(delay)}.`);
      if (!(await sleep(delay, ctx.stopSignal))) return undefined;
    }
  }
}

async function announce(agent: AuthenticatedAgent, ctx: CliContext, options: AgentOptions, log: Log, warn: Log) {
  const { info } = agent;
  const tenant = info.tenant ? `tenant "${info.tenant.name}" (${info.tenant.slug})` : 'no tenant';
  log(`Authenticated as ${accountKind(info.user.account_type)} "${info.user.username}" in ${tenant} with role ${roleName(info.role)}.`);
  const key = await fetchKeyDetails(agent.client, info.api_key_id);
  if (key) {
    const expiry = describeExpiry(key.expires_at, ctx.now());
    const soon = key.expires_at && new Date(key.expires_at).getTime() - ctx.now().getTime() < 7 * 86_400_000;
    (soon ? warn : log)(`${soon ? 'Warning: the' : 'The'} key "${key.name}" expires: ${expiry}.`);
  }
  log(`Checking in with ${agent.api.base} every ${formatSeconds(options.interval * 1000)}.`);
}

/** How long the key file must be still before it is read again: editors and rename-into-place write in several steps. */
const KEY_FILE_SETTLE_MS = 200;

/**
 * Watches the file the agent's key came from (its directory: a file renamed into place
 * is a new file) and calls back once writes have settled. Null when the key did not
 * come from a file, or the file's directory cannot be watched.
 */
function watchKeyFile(resolved: ResolvedKey, onSettled: () => void): { close(): void } | null {
  const path = resolved.source.file?.path;
  if (!path) return null;
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(path), (_event, name) => {
      if (name !== null && name !== basename(path)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(onSettled, KEY_FILE_SETTLE_MS);
    });
  } catch {
    return null;
  }
  watcher.on('error', () => watcher.close());
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}

interface CheckInOptions {
  intervalSeconds: number;
  until: AbortSignal;
  warn: Log;
  log: Log;
  /** Where to look for a new key when its file changes (agent start); absent: the key never changes. */
  reload?: { ctx: CliContext };
  /** The agent's name and labels, sent on every check-in (X-Keyplane-Agent). */
  headers: Record<string, string>;
}

/**
 * Checks in until stopped or refused. Returns 'refused' when the API no longer
 * accepts the key, 'stopped' when `until` fires. With reload, a new key written to the
 * key's file is taken once the API accepts it (a rotation: its first use ends the old
 * key), and a refused key is given one more look at the file before the agent gives up.
 */
async function checkInLoop(agent: AuthenticatedAgent, { intervalSeconds, until, warn, log, reload, headers }: CheckInOptions) {
  let client = new ApiClient({ endpoint: agent.api.endpoint, key: agent.resolved.key, stopSignal: until, headers });
  let reloading: Promise<boolean> = Promise.resolve(false);

  /** Reads the key's file again; true when the agent now uses a new key. */
  const tryNewKey = async (): Promise<boolean> => {
    if (!reload) return false;
    let next: ResolvedKey;
    try {
      next = resolveAgentKey({ env: reload.ctx.env, homeDir: reload.ctx.homeDir });
    } catch (error) {
      warn(`Could not read a new key: ${(error as Error).message.split('\n')[0]} Still using the previous key.`);
      return false;
    }
    if (next.key === agent.resolved.key) return false;
    if (!isWellFormedKey(next.key)) {
      warn(`The key now in ${next.source.description} is not a well-formed Keyplane key; still using the previous key.`);
      return false;
    }
    const candidate = new ApiClient({ endpoint: agent.api.endpoint, key: next.key, stopSignal: until, headers });
    try {
      await candidate.request<AuthInfoResult>(AUTH_INFO);
    } catch (error) {
      if (error instanceof StoppedError) return false;
      warn(`The API did not accept the key now in ${next.source.description} (${(error as Error).message}); still using the previous key.`);
      return false;
    }
    agent.resolved = next;
    client = candidate;
    log(`Picked up a new API key from ${next.source.description}; checking in with it.`);
    return true;
  };
  const reloadNow = () => (reloading = reloading.then(tryNewKey, tryNewKey));
  const watcher = reload ? watchKeyFile(agent.resolved, () => void reloadNow()) : null;

  try {
    let nextDelay = backoffDelays(intervalSeconds);
    let delay = intervalSeconds * 1000;
    let failing = false;
    for (;;) {
      if (!(await sleep(delay, until))) return 'stopped' as const;
      try {
        await client.request<AuthInfoResult>(AUTH_INFO);
        if (failing) log(`Reconnected to ${agent.api.base}.`);
        failing = false;
        nextDelay = backoffDelays(intervalSeconds);
        delay = intervalSeconds * 1000;
      } catch (error) {
        if (error instanceof StoppedError) return 'stopped' as const;
        if (error instanceof KeyRejectedError) {
          // A rotation whose new key was written as the old one ended: take it rather than stop.
          await reloading;
          if (await reloadNow()) continue;
          return 'refused' as const;
        }
        // Anything else is the server's or the network's trouble, not the key's: keep trying.
        failing = true;
        delay = nextDelay();
        warn(`Check-in failed: ${(error as Error).message} Retrying in ${formatSeconds(delay)}.`);
      }
    }
  } finally {
    watcher?.close();
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds >= 10 || Number.isInteger(seconds) ? `${Math.round(seconds)} s` : `${seconds.toFixed(1)} s`;
}

function addKeyOptions(command: Command): Command {
  return command
    .option('-k, --key <key>', 'the API key (a service-account key, kps_...)')
    .option('-t, --token <key>', 'the same as --key (Prefect 1 spelling)')
    .option('--api <url>', 'the Keyplane server, e.g. http://127.0.0.1:4200')
    .option('--interval <seconds>', 'seconds between check-ins (fractions allowed)', parseInterval, 10)
    .option('--name <name>', "the name the agent is listed with under its key (default: this machine's host name)", parseAgentName)
    .option('--label <label>', 'a label it is listed with; repeat for more', collectLabel, []);
}

export function addAgentCommands(program: Command, ctx: CliContext, action: Action): void {
  const agent = program
    .command('agent')
    .description('run an agent that authenticates with a service-account key')
    .addHelpText('after', `\n${KEY_SOURCES_HELP}`);

  addKeyOptions(agent.command('start'))
    .description('authenticate, say who the agent runs as, then check in with the API at an interval until stopped')
    .addHelpText('after', `\n${KEY_SOURCES_HELP}`)
    .action(
      action(async (options: AgentOptions) => {
        const log = timestamped(ctx.stdout);
        const warn = timestamped(ctx.stderr);
        const authenticated = await authenticate(ctx, options, log, warn);
        if (!authenticated) {
          log('Agent stopped.');
          return ExitCode.OK;
        }
        await announce(authenticated, ctx, options, log, warn);
        // Started before "Agent running" is said: the loop watches the key file before it first waits,
        // so a key written once the agent says it runs is never missed.
        const loop = checkInLoop(authenticated, {
          intervalSeconds: options.interval,
          until: ctx.stopSignal,
          warn,
          log,
          reload: { ctx },
          headers: identityHeaders(options),
        });
        log('Agent running. Press Ctrl-C to stop.');
        const outcome = await loop;
        if (outcome === 'refused') {
          warn(`Error: ${KEY_REFUSED_WHILE_RUNNING}`);
          return ExitCode.KEY_REJECTED;
        }
        log('Agent stopped.');
        return ExitCode.OK;
      }),
    );

  addKeyOptions(agent.command('run'))
    .description(
      'authenticate like `agent start`, then run a command with the key in PREFECT__CLOUD__API_KEY ' +
        '(as an agent hands its key to the flows it starts), checking in while it runs',
    )
    .argument('<command...>', 'the command and its arguments, after --')
    .usage('[options] -- <command> [args...]')
    .passThroughOptions()
    .addHelpText('after', `\n${KEY_SOURCES_HELP}\n\nExample: keyplane agent run -- python flow.py`)
    .action(
      action(async (commandLine: string[], options: AgentOptions) => {
        // The command's own output keeps stdout; the agent speaks on stderr.
        const log = timestamped(ctx.stderr);
        const authenticated = await authenticate(ctx, options, log, log);
        if (!authenticated) {
          log('Agent stopped.');
          return ExitCode.OK;
        }
        await announce(authenticated, ctx, options, log, log);
        return runCommand(ctx, authenticated, commandLine, options, log);
      }),
    );
}

async function runCommand(ctx: CliContext, agent: AuthenticatedAgent, [command, ...args]: string[], options: AgentOptions, log: Log): Promise<number> {
  const env: Record<string, string | undefined> = {
    ...ctx.env,
    [API_KEY_ENV]: agent.resolved.key,
    [PREFECT_API_ENV]: agent.api.base,
    PREFECT__CLOUD__TENANT_ID: agent.info.tenant_id ?? undefined,
  };
  delete env[AGENT_TOKEN_ENV]; // the command gets exactly one key: the agent's
  log(`Running ${command} with the agent's key in ${API_KEY_ENV}.`);

  const child = spawn(command, args, { stdio: 'inherit', env });
  const childDone = new AbortController();
  const exited = new Promise<number>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      log(error.code === 'ENOENT' ? `Error: cannot run ${command}: command not found.` : `Error: cannot run ${command}: ${error.message}`);
      childDone.abort();
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      childDone.abort();
      resolve(code ?? 128 + (signal ? (osConstants.signals[signal] ?? 0) : 0));
    });
  });

  // The terminal sends Ctrl-C to the command as well; SIGTERM (a supervisor
  // stopping the agent) is passed on, so the command can end cleanly too.
  const onStop = () => {
    if (ctx.stopSignal.reason === 'SIGTERM' && child.exitCode === null) child.kill('SIGTERM');
  };
  ctx.stopSignal.addEventListener('abort', onStop, { once: true });

  // The command holds the key it was started with: the agent keeps it too (no reload).
  const outcome = await checkInLoop(agent, { intervalSeconds: options.interval, until: childDone.signal, warn: log, log, headers: identityHeaders(options) });
  if (outcome === 'refused') {
    log(`Error: ${KEY_REFUSED_WHILE_RUNNING} Stopping ${command}.`);
    child.kill('SIGTERM');
    // A command that ignores SIGTERM must not keep a key-less agent alive.
    const forceKill = setTimeout(() => child.kill('SIGKILL'), COMMAND_STOP_GRACE_MS);
    await exited;
    clearTimeout(forceKill);
    ctx.stopSignal.removeEventListener('abort', onStop);
    return ExitCode.KEY_REJECTED;
  }
  const code = await exited;
  ctx.stopSignal.removeEventListener('abort', onStop);
  log(`${command} exited with code ${code}.`);
  return code;
}
