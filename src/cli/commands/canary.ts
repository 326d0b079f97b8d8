import type { Command } from 'commander';
import { toCliError } from '../api-client.js';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../exit-codes.js';
import {
  AUTH_INFO,
  CREATE_CANARY,
  DELETE_CANARY,
  LIST_CANARIES,
  type AuthInfoResult,
  type CreateCanaryResult,
  type DeleteCanaryResult,
  type ListCanariesResult,
} from '../operations.js';
import { describeLastUsed, formatTable, writeJson, writeLine } from '../output.js';
import type { Action } from '../program.js';
import { checkDescriptionText, descriptionProblemMessage } from '../../shared/descriptions.js';
import { call, checkId, parseLimit, savedSession } from './auth.js';

// `keyplane canary ...`: decoy keys, planted where a leak would show; any use of one is
// refused and raises an alert. Tenant administrators only, with the saved login.

function refusedUnlessAdmin(error: unknown): never {
  if ((error as { code?: string }).code === 'FORBIDDEN') throw new CliError('Only tenant administrators may manage canary keys.', ExitCode.ERROR);
  throw toCliError(error);
}

export function addCanaryCommands(program: Command, ctx: CliContext, action: Action): void {
  const canary = program.command('canary').description('canary keys: decoys planted where a leak would show; any use of one raises an alert (administrators)');

  canary
    .command('create')
    .description('create a canary key in the tenant of your login and print it once')
    .requiredOption('-n, --name <name>', 'a name that tells it apart, such as where it will be planted')
    .option('-d, --description <text>', 'where it will be planted, at most 500 characters')
    .option('-q, --quiet', 'print only the key, for scripts')
    .option('--json', 'print JSON (including the key) for scripts')
    .action(
      action(async (options: { name: string; description?: string; quiet?: boolean; json?: boolean }) => {
        if (options.description !== undefined) {
          const checked = checkDescriptionText(options.description);
          if (!checked.ok) throw new CliError(descriptionProblemMessage(checked.problem), ExitCode.USAGE);
        }
        const session = savedSession(ctx);
        const info = (await call<AuthInfoResult>(session.client, AUTH_INFO)).auth_info;
        let created: CreateCanaryResult['create_canary_key'];
        try {
          created = (
            await session.client.request<CreateCanaryResult>(CREATE_CANARY, {
              input: { name: options.name, ...(options.description !== undefined && { description: options.description }) },
            })
          ).create_canary_key;
        } catch (error) {
          refusedUnlessAdmin(error);
        }
        if (options.quiet) {
          writeLine(ctx.stdout, created.key);
          return ExitCode.OK;
        }
        if (options.json) {
          writeJson(ctx.stdout, { id: created.id, name: options.name, key: created.key, tenant: info.tenant ?? null });
          return ExitCode.OK;
        }
        const tenant = info.tenant ? ` in tenant ${info.tenant.slug}` : '';
        writeLine(ctx.stdout, `Created canary key "${options.name}" (id ${created.id})${tenant}.`);
        writeLine(ctx.stdout);
        writeLine(ctx.stdout, `  ${created.key}`);
        writeLine(ctx.stdout);
        writeLine(
          ctx.stdout,
          'Copy it now: it is shown this once and cannot be seen again. Plant it where a leak would show; any use of it is refused and raises an alert.',
        );
        return ExitCode.OK;
      }),
    );

  canary
    .command('list')
    .description('list the tenant’s canary keys, newest first, and whether each has tripped (been used)')
    .option('--limit <n>', 'list only the newest N canaries', parseLimit)
    .option('--json', 'print JSON for scripts')
    .action(
      action(async (options: { limit?: number; json?: boolean }) => {
        const session = savedSession(ctx);
        let page: ListCanariesResult;
        try {
          page = await session.client.request<ListCanariesResult>(LIST_CANARIES, { limit: options.limit ?? 1000, offset: 0 });
        } catch (error) {
          refusedUnlessAdmin(error);
        }
        const canaries = page.canary_key;
        const total = page.canary_key_aggregate.aggregate.count;
        const cutShort = total > canaries.length ? `Showing the newest ${canaries.length} of ${total} canary keys.` : null;
        if (options.json) {
          writeJson(ctx.stdout, canaries);
          if (cutShort) writeLine(ctx.stderr, cutShort);
          return ExitCode.OK;
        }
        if (canaries.length === 0) {
          writeLine(ctx.stdout, 'No canary keys yet. Create one: keyplane canary create -n NAME');
          return ExitCode.OK;
        }
        const now = ctx.now();
        writeLine(
          ctx.stdout,
          formatTable(
            ['NAME', 'ID', 'HINT', 'CREATED', 'TRIPPED'],
            canaries.map((canary) => [
              canary.name,
              canary.id,
              `${canary.key_hint}…`,
              describeLastUsed(canary.created, now),
              canary.first_used_at ? `YES, ${canary.use_count} use${canary.use_count === 1 ? '' : 's'}` : 'no',
            ]),
          ),
        );
        const tripped = canaries.filter((canary) => canary.first_used_at);
        for (const canary of tripped) {
          writeLine(ctx.stdout);
          writeLine(ctx.stdout, `"${canary.name}" has tripped:`);
          writeLine(ctx.stdout, `  First used: ${canary.first_used_at} (${describeLastUsed(canary.first_used_at, now)})`);
          writeLine(
            ctx.stdout,
            `  Last used:  ${canary.last_used_at ?? canary.first_used_at} (${describeLastUsed(canary.last_used_at ?? canary.first_used_at, now)})`,
          );
          writeLine(ctx.stdout, `  Uses:       ${canary.use_count}`);
          writeLine(ctx.stdout, `  Last from:  ${canary.last_source_address ?? 'not recorded'}`);
          writeLine(ctx.stdout, `  User agent: ${canary.last_user_agent ?? 'none sent'}`);
        }
        if (cutShort) writeLine(ctx.stdout, cutShort);
        return ExitCode.OK;
      }),
    );

  canary
    .command('delete')
    .description('delete a canary key by its ID (see canary list); its uses stay in the audit log')
    .requiredOption('-i, --id <id>', "the canary's ID")
    .action(
      action(async (options: { id: string }) => {
        const id = checkId(options.id, 'keyplane canary list');
        const session = savedSession(ctx);
        let result: DeleteCanaryResult;
        try {
          result = await session.client.request<DeleteCanaryResult>(DELETE_CANARY, { input: { canary_key_id: id } });
        } catch (error) {
          if ((error as { code?: string }).code === 'NOT_FOUND') {
            throw new CliError(`There is no canary key with ID ${id} that you may delete (only tenant administrators may).`, ExitCode.ERROR);
          }
          throw toCliError(error);
        }
        if (!result.delete_canary_key.success) throw new CliError(result.delete_canary_key.error ?? `The canary key ${id} was not deleted.`, ExitCode.ERROR);
        writeLine(ctx.stdout, `Deleted canary key ${id}. Its uses stay in the audit log; the key is refused as any unknown key.`);
        return ExitCode.OK;
      }),
    );
}
