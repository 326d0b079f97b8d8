import { InvalidArgumentError, type Command } from 'commander';
import { ApiClient, KeyRejectedError, toCliError } from '../api-client.js';
import { authFilePath, readAuthFile, removeAuthFile, writeAuthFile, writePrefectConfigKey } from '../config-files.js';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { parseExpiry } from '../expiry.js';
import { assertWellFormed, DEFAULT_API_URL, keyWarnings, resolveApiUrl, type ResolvedKey } from '../key-source.js';
import {
  AUTH_INFO,
  CREATE_KEY,
  fetchKeyDetails,
  LIST_TENANTS,
  listKeys,
  LOOKUP_KEY,
  REPORT_LEAKED,
  REVOKE_KEY,
  ROTATE_KEY,
  UPDATE_KEY,
  type AuthInfo,
  type AuthInfoResult,
  type CreateKeyResult,
  type ListTenantsResult,
  type LookupKeyResult,
  type ReportLeakedResult,
  type RevokeKeyResult,
  type RotateKeyResult,
  type UpdateKeyResult,
} from '../operations.js';
import { checkDescriptionText, descriptionProblemMessage } from '../../shared/descriptions.js';
import { checkFoundAtText, checkKeyText } from '../../shared/key-format.js';
import { checkOverlap } from '../../shared/rotation.js';
import { accountKind, describeExpiry, describeLastUsed, formatTable, roleName, shortDescription, writeJson, writeLine } from '../output.js';
import type { Action } from '../program.js';

// `keyplane auth ...`: what Prefect 1's `prefect auth` gave terminal users. login
// checks a key and saves it; every other command uses the saved login.

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Session {
  client: ApiClient;
  api: string;
  file: string;
}

/** The saved login, checked for shape before anything is sent. */
export function savedSession(ctx: CliContext): Session {
  const saved = readAuthFile(ctx.homeDir);
  if (!saved) {
    throw new CliError(`Not logged in: there is no saved key in ${authFilePath(ctx.homeDir)}. Run: keyplane auth login --key KEY`, ExitCode.NO_USABLE_KEY);
  }
  const resolved: ResolvedKey = {
    key: saved.key,
    source: { description: saved.path, file: { path: saved.path, mode: saved.mode } },
  };
  assertWellFormed(resolved);
  for (const warning of keyWarnings(resolved, 'cli')) writeLine(ctx.stderr, warning);
  const api = resolveApiUrl({ env: {}, pairedApiUrl: saved.api || DEFAULT_API_URL });
  return {
    client: new ApiClient({ endpoint: api.endpoint, key: saved.key, stopSignal: ctx.stopSignal }),
    api: api.base,
    file: saved.path,
  };
}

export async function call<T>(client: ApiClient, query: string, variables?: Record<string, unknown>): Promise<T> {
  try {
    return await client.request<T>(query, variables);
  } catch (error) {
    throw toCliError(error);
  }
}

export function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError('the limit is a whole number of keys, 1 or more.');
  return limit;
}

/** An overlap as a person types it: 0, a number of seconds, or a span such as 30m, 12h, 7d. */
export function parseOverlap(value: string): number {
  const span = /^(\d+)\s*([smhd]?)$/i.exec(value.trim());
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[(span?.[2] ?? '').toLowerCase() as '' | 's' | 'm' | 'h' | 'd'];
  const checked = checkOverlap(span ? Number(span[1]) * unit : Number.NaN);
  if (!span || !checked.ok) throw new InvalidArgumentError('the overlap is 0 (end the old key at once) or a span up to 30d, such as 30m, 12h or 7d.');
  return checked.seconds;
}

function describeSpan(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** An ID typed on the command line, lower-cased; a usage error naming where IDs are listed when it is not one. */
export function checkId(text: string, listedBy: string): string {
  const id = text.trim().toLowerCase();
  if (!UUID_PATTERN.test(id)) throw new CliError(`"${text}" is not an ID; IDs look like 3f0c2a4e-... (see ${listedBy}).`, ExitCode.USAGE);
  return id;
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

function describeAccount(account: { username: string; account_type: string } | null | undefined): string {
  return account ? `${account.username} (${accountKind(account.account_type)})` : 'an account that no longer exists';
}

/** The name, with the key's own role and its description (when short) after it: `ci [Read-only] (nightly builds)`. */
function describeKeyName(key: { name: string; role?: string | null; description?: string | null }): string {
  const role = key.role ? ` [${roleName(key.role)}]` : '';
  const description = shortDescription(key.description);
  return `${key.name}${role}${description ? ` (${description})` : ''}`;
}

function describeIdentity(info: AuthInfo): string {
  const tenant = info.tenant ? `tenant "${info.tenant.name}" (${info.tenant.slug})` : 'no tenant';
  return `${accountKind(info.user.account_type)} "${info.user.username}" in ${tenant} with role ${roleName(info.role)}`;
}

export function addAuthCommands(program: Command, ctx: CliContext, action: Action): void {
  const auth = program.command('auth').description('log in with an API key, and create, list and revoke keys from a terminal');

  auth
    .command('login')
    .description('check an API key with the server and save it (with the URL) to ~/.keyplane/auth.toml, mode 0600')
    .requiredOption('-k, --key <key>', 'the API key; "-" reads it from standard input, keeping it out of the process list')
    .option('--api <url>', 'the Keyplane server (default: $KEYPLANE_API or http://127.0.0.1:4200)')
    .action(
      action(async (options: { key: string; api?: string }) => {
        const key = options.key === '-' ? (await ctx.readStdin()).trim() : options.key.trim();
        const resolved: ResolvedKey = { key, source: { description: options.key === '-' ? 'standard input' : 'the --key option' } };
        assertWellFormed(resolved);
        const api = resolveApiUrl({ flag: options.api, env: ctx.env });
        const client = new ApiClient({ endpoint: api.endpoint, key, stopSignal: ctx.stopSignal });
        let info: AuthInfo;
        try {
          info = (await client.request<AuthInfoResult>(AUTH_INFO)).auth_info;
        } catch (error) {
          if (error instanceof KeyRejectedError) {
            throw new CliError(`${error.message} Nothing was saved.`, ExitCode.KEY_REJECTED);
          }
          throw toCliError(error);
        }
        const file = writeAuthFile(ctx.homeDir, { api: api.base, key });
        writeLine(ctx.stdout, `Logged in to ${api.base} as ${describeIdentity(info)}.`);
        writeLine(ctx.stdout, `Saved the key and URL to ${file} (readable only by you).`);
        return ExitCode.OK;
      }),
    );

  auth
    .command('status')
    .description('who the saved key acts as, in which tenant and role (never the key itself)')
    .option('--json', 'print JSON for scripts')
    .action(
      action(async (options: { json?: boolean }) => {
        const session = savedSession(ctx);
        const info = (await call<AuthInfoResult>(session.client, AUTH_INFO)).auth_info;
        const key = await fetchKeyDetails(session.client, info.api_key_id);
        if (options.json) {
          writeJson(ctx.stdout, {
            api: session.api,
            file: session.file,
            user: info.user,
            tenant: info.tenant ?? null,
            role: info.role ?? null,
            api_key: key ?? (info.api_key_id ? { id: info.api_key_id } : null),
          });
          return ExitCode.OK;
        }
        const rows: [string, string][] = [
          ['API', session.api],
          ['Account', `${info.user.username} (${accountKind(info.user.account_type)})`],
          ['Tenant', info.tenant ? `${info.tenant.name} (${info.tenant.slug})` : 'none'],
          ['Role', roleName(info.role)],
        ];
        if (key) {
          rows.push(['Key', `"${key.name}" (id ${key.id}), expires: ${describeExpiry(key.expires_at, ctx.now())}`]);
        }
        rows.push(['Saved in', session.file]);
        writeLine(ctx.stdout, `Logged in.`);
        for (const [label, value] of rows) writeLine(ctx.stdout, `  ${`${label}:`.padEnd(10)}${value}`);
        return ExitCode.OK;
      }),
    );

  auth
    .command('logout')
    .description('forget the saved key (the key itself stays valid until revoked)')
    .action(
      action(async () => {
        const path = authFilePath(ctx.homeDir);
        if (!removeAuthFile(ctx.homeDir)) {
          writeLine(ctx.stdout, 'Not logged in; nothing to do.');
          return ExitCode.OK;
        }
        writeLine(ctx.stdout, `Logged out: removed ${path}.`);
        writeLine(
          ctx.stdout,
          'The key itself is still valid. If nothing else uses it, revoke it: keyplane auth revoke-key --id ID (find the ID with list-keys before logging out) or in the web UI.',
        );
        return ExitCode.OK;
      }),
    );

  auth
    .command('create-key')
    .description('create an API key for yourself, in the tenant of your login, and print it once')
    .requiredOption('-n, --name <name>', 'a name that says where the key will be used')
    .option('-e, --expires <when>', 'when it expires: a span (30d, 12h, 2w) or a date/time (2026-01-31, 2026-01-31T17:00:00Z); default: never')
    .option('-r, --role <role>', "the key's own role, at most yours: TENANT_ADMIN, USER or READ_ONLY_USER; default: it follows your role")
    .option('-q, --quiet', 'print only the key, for scripts: KEY=$(keyplane auth create-key -n ci -q)')
    .option('--json', 'print JSON (including the key) for scripts')
    .action(
      action(async (options: { name: string; expires?: string; role?: string; quiet?: boolean; json?: boolean }) => {
        const expiresAt = options.expires ? parseExpiry(options.expires, ctx.now()) : undefined;
        const session = savedSession(ctx);
        const info = (await call<AuthInfoResult>(session.client, AUTH_INFO)).auth_info;
        const created = (
          await call<CreateKeyResult>(session.client, CREATE_KEY, {
            input: { user_id: info.user_id, name: options.name, expires_at: expiresAt?.toISOString() ?? null, ...(options.role ? { role: options.role } : {}) },
          })
        ).create_api_key;
        if (options.quiet) {
          writeLine(ctx.stdout, created.key);
          return ExitCode.OK;
        }
        if (options.json) {
          writeJson(ctx.stdout, {
            id: created.id,
            name: options.name,
            key: created.key,
            expires_at: expiresAt?.toISOString() ?? null,
            role: options.role ?? null,
            tenant: info.tenant ?? null,
          });
          return ExitCode.OK;
        }
        const tenant = info.tenant ? ` in tenant ${info.tenant.slug}` : '';
        const expiry = expiresAt ? `expires ${expiresAt.toISOString()} (${describeExpiry(expiresAt.toISOString(), ctx.now())})` : 'never expires';
        writeLine(ctx.stdout, `Created API key "${options.name}" (id ${created.id})${tenant}; it ${expiry}.`);
        writeLine(ctx.stdout);
        writeLine(ctx.stdout, `  ${created.key}`);
        writeLine(ctx.stdout);
        writeLine(ctx.stdout, 'Copy it now: it is shown this once and cannot be seen again.');
        return ExitCode.OK;
      }),
    );

  auth
    .command('list-keys')
    .description("list the API keys you can see: your own, and (administrators) the tenant's service-account keys")
    .option('--limit <n>', 'list only the newest N keys (all of them without it)', parseLimit)
    .option('--json', 'print JSON for scripts')
    .action(
      action(async (options: { json?: boolean; limit?: number }) => {
        const session = savedSession(ctx);
        const { keys, total } = await listKeys(session.client, { max: options.limit }).catch((error: unknown) => {
          throw toCliError(error);
        });
        // Said on standard error with --json, so that standard output stays one JSON value.
        const cutShort =
          options.limit !== undefined && total > keys.length ? `Showing the newest ${keys.length} of ${total} keys; leave out --limit to list them all.` : null;
        if (options.json) {
          writeJson(
            ctx.stdout,
            keys.map((key) => ({
              id: key.id,
              name: key.name,
              key_hint: key.key_hint,
              tenant: key.tenant,
              owner: key.user,
              created: key.created,
              expires_at: key.expires_at ?? null,
              last_used_at: key.last_used_at ?? null,
              role: key.role ?? null,
              description: key.description ?? null,
            })),
          );
          if (cutShort) writeLine(ctx.stderr, cutShort);
          return ExitCode.OK;
        }
        if (keys.length === 0) {
          writeLine(ctx.stdout, 'No API keys yet. Create one: keyplane auth create-key -n NAME');
          return ExitCode.OK;
        }
        const now = ctx.now();
        writeLine(
          ctx.stdout,
          formatTable(
            ['NAME', 'ID', 'TENANT', 'EXPIRES', 'LAST USED'],
            keys.map((key) => [describeKeyName(key), key.id, key.tenant.slug, describeExpiry(key.expires_at, now), describeLastUsed(key.last_used_at, now)]),
          ),
        );
        if (cutShort) writeLine(ctx.stdout, cutShort);
        return ExitCode.OK;
      }),
    );

  auth
    .command('revoke-key')
    .description('revoke an API key by its ID (see list-keys); it stops working at once')
    .requiredOption('-i, --id <id>', "the key's ID")
    .action(
      action(async (options: { id: string }) => {
        const id = options.id.trim().toLowerCase();
        if (!UUID_PATTERN.test(id)) {
          throw new CliError(`"${options.id}" is not a key ID; IDs look like 3f0c2a4e-... (see keyplane auth list-keys).`, ExitCode.USAGE);
        }
        const session = savedSession(ctx);
        const info = (await call<AuthInfoResult>(session.client, AUTH_INFO)).auth_info;
        let result: RevokeKeyResult;
        try {
          result = await session.client.request<RevokeKeyResult>(REVOKE_KEY, { input: { key_id: id } });
        } catch (error) {
          if ((error as { code?: string }).code === 'NOT_FOUND') {
            throw new CliError(`There is no API key with ID ${id} that you may revoke.`, ExitCode.ERROR);
          }
          throw toCliError(error);
        }
        if (!result.delete_api_key.success) {
          throw new CliError(result.delete_api_key.error ?? `The key ${id} was not revoked.`, ExitCode.ERROR);
        }
        writeLine(ctx.stdout, `Revoked API key ${id}.`);
        if (info.api_key_id === id) {
          writeLine(ctx.stdout, 'That was the key this login uses, so the login no longer works. Log in with another key: keyplane auth login --key KEY');
        }
        return ExitCode.OK;
      }),
    );

  auth
    .command('rotate-key')
    .description(
      'replace an API key by its ID with a new one of the same name, owner and tenant, printed once; ' +
        'the old key keeps working until the new one is first used, or the overlap ends',
    )
    .requiredOption('-i, --id <id>', "the key's ID (see list-keys)")
    .option(
      '--overlap <span>',
      'how long the old key keeps working at most: 0 (ends at once), or a span such as 30m, 12h, 7d (up to 30d)',
      parseOverlap,
      86_400,
    )
    .option('-e, --expires <when>', "when the new key expires: a span (30d) or a date/time; default: the old key's expiry")
    .option(
      '--write-config',
      'write the new key where `keyplane agent` reads it (~/.prefect/config.toml, or $PREFECT__USER_CONFIG_PATH), which a running agent picks up',
    )
    .option('-q, --quiet', 'print only the new key, for scripts')
    .option('--json', 'print JSON (including the new key) for scripts')
    .action(
      action(async (options: { id: string; overlap: number; expires?: string; writeConfig?: boolean; quiet?: boolean; json?: boolean }) => {
        const id = options.id.trim().toLowerCase();
        if (!UUID_PATTERN.test(id)) {
          throw new CliError(`"${options.id}" is not a key ID; IDs look like 3f0c2a4e-... (see keyplane auth list-keys).`, ExitCode.USAGE);
        }
        const expiresAt = options.expires ? parseExpiry(options.expires, ctx.now()) : undefined;
        const session = savedSession(ctx);
        const info = (await call<AuthInfoResult>(session.client, AUTH_INFO)).auth_info;
        let rotated: RotateKeyResult['rotate_api_key'];
        try {
          rotated = (
            await session.client.request<RotateKeyResult>(ROTATE_KEY, {
              input: { key_id: id, overlap: options.overlap, ...(expiresAt && { expires_at: expiresAt.toISOString() }) },
            })
          ).rotate_api_key;
        } catch (error) {
          if ((error as { code?: string }).code === 'NOT_FOUND') {
            throw new CliError(`There is no API key with ID ${id} that you may rotate.`, ExitCode.ERROR);
          }
          throw toCliError(error);
        }
        // The saved login's own key ends at the new key's first use: the login moves to the new key.
        const ownLogin = info.api_key_id === id ? writeAuthFile(ctx.homeDir, { api: session.api, key: rotated.key }) : null;
        const config = options.writeConfig ? writePrefectConfigKey(ctx.homeDir, ctx.env, rotated.key) : null;
        if (options.quiet) {
          writeLine(ctx.stdout, rotated.key);
          return ExitCode.OK;
        }
        if (options.json) {
          writeJson(ctx.stdout, {
            id: rotated.id,
            replaces_id: id,
            key: rotated.key,
            overlap_seconds: options.overlap,
            written_to: [ownLogin, config?.path].filter(Boolean),
          });
          return ExitCode.OK;
        }
        const ends =
          options.overlap === 0
            ? 'The old key has stopped working.'
            : `The old key keeps working until the new one is first used, or for ${describeSpan(options.overlap)} at most.`;
        writeLine(ctx.stdout, `Rotated API key ${id}: its successor is ${rotated.id}. ${ends}`);
        writeLine(ctx.stdout);
        writeLine(ctx.stdout, `  ${rotated.key}`);
        writeLine(ctx.stdout);
        writeLine(ctx.stdout, 'Copy it now: it is shown this once and cannot be seen again.');
        if (config) writeLine(ctx.stdout, `Wrote it to ${config.setting} in ${config.path}: a running keyplane agent picks it up.`);
        if (ownLogin) writeLine(ctx.stdout, `That was the key this login uses: saved the new one to ${ownLogin}.`);
        return ExitCode.OK;
      }),
    );

  auth
    .command('update-key')
    .description('rename an API key by its ID, bring its expiry forward, or set its description')
    .requiredOption('-i, --id <id>', "the key's ID (see list-keys)")
    .option('-n, --name <name>', 'its new name')
    .option('-e, --expires <when>', 'an earlier expiry: a span (30d, 12h, 2w) or a date/time (2026-01-31); never later than it is, never removed')
    .option('-d, --description <text>', 'what the key is for, at most 500 characters; "" clears it')
    .option('--json', 'print JSON for scripts')
    .action(
      action(async (options: { id: string; name?: string; expires?: string; description?: string; json?: boolean }) => {
        const id = checkId(options.id, 'keyplane auth list-keys');
        if (options.name === undefined && options.expires === undefined && options.description === undefined) {
          throw new CliError('Nothing to change: give --name, --expires or --description.', ExitCode.USAGE);
        }
        const expiresAt = options.expires !== undefined ? parseExpiry(options.expires, ctx.now()) : undefined;
        if (options.description !== undefined) {
          const checked = checkDescriptionText(options.description);
          if (!checked.ok) throw new CliError(descriptionProblemMessage(checked.problem), ExitCode.USAGE);
        }
        const session = savedSession(ctx);
        let updated: UpdateKeyResult['update_api_key'];
        try {
          updated = (
            await session.client.request<UpdateKeyResult>(UPDATE_KEY, {
              input: {
                key_id: id,
                ...(options.name !== undefined && { name: options.name }),
                ...(expiresAt && { expires_at: expiresAt.toISOString() }),
                ...(options.description !== undefined && { description: options.description }),
              },
            })
          ).update_api_key;
        } catch (error) {
          if (errorCode(error) === 'NOT_FOUND') throw new CliError(`There is no API key with ID ${id} that you may change.`, ExitCode.ERROR);
          throw toCliError(error);
        }
        if (options.json) {
          writeJson(ctx.stdout, { id: updated.id, name: updated.name, expires_at: updated.expires_at ?? null, description: updated.description ?? null });
          return ExitCode.OK;
        }
        writeLine(ctx.stdout, `Updated API key "${updated.name}" (id ${updated.id}).`);
        writeLine(ctx.stdout, `  Expires:     ${updated.expires_at ? `${updated.expires_at} (${describeExpiry(updated.expires_at, ctx.now())})` : 'Never'}`);
        writeLine(ctx.stdout, `  Description: ${updated.description ?? 'none'}`);
        return ExitCode.OK;
      }),
    );

  auth
    .command('lookup-key')
    .description(
      'whose key is this? Administrators: the live keys of your tenant matching a whole key or its hint (kps_igpm), ' +
        'with owner, creator and last use; never the key',
    )
    .argument('<key-or-hint>', 'a whole key (as found in a log or a repository), its first 8 characters, or "-" to read it from standard input')
    .option('--json', 'print JSON for scripts')
    .action(
      action(async (text: string, options: { json?: boolean }) => {
        const checked = checkKeyText(text === '-' ? await ctx.readStdin() : text);
        if (checked.kind === 'empty') throw new CliError('Give a key or its hint (the first 8 characters, such as kps_igpm).', ExitCode.USAGE);
        if (checked.kind === 'mistyped' || checked.kind === 'invalid') throw new CliError(`${checked.message} Nothing was sent.`, ExitCode.USAGE);
        const session = savedSession(ctx);
        let found: LookupKeyResult['lookup_api_key'];
        try {
          found = (await session.client.request<LookupKeyResult>(LOOKUP_KEY, checked.kind === 'key' ? { key: checked.key } : { hint: checked.hint }))
            .lookup_api_key;
        } catch (error) {
          if (errorCode(error) === 'FORBIDDEN') throw new CliError('Only tenant administrators may look keys up.', ExitCode.ERROR);
          throw toCliError(error);
        }
        if (options.json) {
          writeJson(
            ctx.stdout,
            found.map(({ api_key: key, last_used_address }) => ({ ...key, role: key.role ?? null, description: key.description ?? null, last_used_address })),
          );
          if (found.length === 0) return ExitCode.ERROR;
          return ExitCode.OK;
        }
        const what = checked.kind === 'key' ? `the key ${checked.hint}…` : `the hint ${checked.hint}`;
        if (found.length === 0) {
          writeLine(ctx.stdout, `No live key in this tenant matches ${what}: no such key, or it is revoked, expired or another tenant's.`);
          return ExitCode.ERROR;
        }
        const now = ctx.now();
        writeLine(ctx.stdout, `${found.length === 1 ? '1 key matches' : `${found.length} keys match`} ${what}:`);
        for (const { api_key: key, last_used_address } of found) {
          const rows: [string, string][] = [
            ['Owner', describeAccount(key.user)],
            ['Tenant', `${key.tenant.name} (${key.tenant.slug})`],
            ['Creator', describeAccount(key.created_by)],
            ['Created', `${key.created} (${describeLastUsed(key.created, now)})`],
            ['Expires', describeExpiry(key.expires_at, now)],
            ['Last used', describeLastUsed(key.last_used_at, now)],
            ['Last from', last_used_address ?? 'not recorded'],
          ];
          if (key.role) rows.push(['Role', `${roleName(key.role)} (its own)`]);
          if (key.description) rows.push(['About', key.description.replace(/\n/g, ' ')]);
          for (const agent of key.agents)
            rows.push([
              'Agent',
              `${agent.name}, last seen ${describeLastUsed(agent.last_queried, now)}${agent.source_address ? ` from ${agent.source_address}` : ''}`,
            ]);
          writeLine(ctx.stdout);
          writeLine(ctx.stdout, `  "${key.name}" ${key.key_hint}… (id ${key.id})`);
          for (const [label, value] of rows) writeLine(ctx.stdout, `    ${`${label}:`.padEnd(11)}${value}`);
        }
        return ExitCode.OK;
      }),
    );

  auth
    .command('report-leaked')
    .description('revoke a key found where it should not be (a repository, a log) and record where, in the audit log')
    .argument('<key>', 'the whole key as it was found, or "-" to read it from standard input (keeping it out of the process list)')
    .option('--found-at <text>', 'where it was found: a URL, a file, "CI log" (one line, at most 500 characters)')
    .action(
      action(async (text: string, options: { foundAt?: string }) => {
        const checked = checkKeyText(text === '-' ? await ctx.readStdin() : text);
        if (checked.kind === 'hint') {
          throw new CliError(
            'Give the whole key: a hint may match several. Find it with keyplane auth lookup-key HINT, then revoke-key --id ID.',
            ExitCode.USAGE,
          );
        }
        if (checked.kind !== 'key') {
          throw new CliError(`${checked.kind === 'empty' ? 'Give the key that was found.' : checked.message} Nothing was sent.`, ExitCode.USAGE);
        }
        const foundAt = checkFoundAtText(options.foundAt);
        if (!foundAt.ok) throw new CliError(foundAt.message, ExitCode.USAGE);
        const session = savedSession(ctx);
        const ownLogin = readAuthFile(ctx.homeDir)?.key === checked.key;
        let result: ReportLeakedResult;
        try {
          result = await session.client.request<ReportLeakedResult>(REPORT_LEAKED, { input: { key: checked.key, found_at: foundAt.value } });
        } catch (error) {
          if (errorCode(error) === 'NOT_FOUND') {
            throw new CliError(
              `No live key ${checked.hint}… that you may report: no such key, already revoked, or neither yours nor in a tenant you administer.`,
              ExitCode.ERROR,
            );
          }
          throw toCliError(error);
        }
        if (!result.revoke_api_key_as_leaked.success) {
          throw new CliError(result.revoke_api_key_as_leaked.error ?? `The key ${checked.hint}… was not revoked.`, ExitCode.ERROR);
        }
        const where = foundAt.value ? ` (found at: ${foundAt.value})` : '';
        writeLine(ctx.stdout, `Revoked the leaked key ${checked.hint}…${where}; its clients are refused from their next request. The audit log records it.`);
        if (ownLogin)
          writeLine(ctx.stdout, 'That was the key this login uses, so the login no longer works. Log in with another key: keyplane auth login --key KEY');
        return ExitCode.OK;
      }),
    );

  auth
    .command('list-tenants')
    .description('list the tenants you belong to; * marks the tenant the saved key acts in')
    .option('--json', 'print JSON for scripts')
    .action(
      action(async (options: { json?: boolean }) => {
        const session = savedSession(ctx);
        const info = (await call<AuthInfoResult>(session.client, AUTH_INFO)).auth_info;
        const tenants = (await call<ListTenantsResult>(session.client, LIST_TENANTS)).tenant;
        if (options.json) {
          writeJson(
            ctx.stdout,
            tenants.map((tenant) => ({ ...tenant, current: tenant.id === info.tenant_id })),
          );
          return ExitCode.OK;
        }
        if (tenants.length === 0) {
          writeLine(ctx.stdout, 'You belong to no tenant.');
          return ExitCode.OK;
        }
        writeLine(
          ctx.stdout,
          formatTable(
            ['', 'NAME', 'SLUG', 'ID'],
            tenants.map((tenant) => [tenant.id === info.tenant_id ? '*' : '', tenant.name, tenant.slug, tenant.id]),
          ),
        );
        return ExitCode.OK;
      }),
    );
}
