import type { Resolvers } from '../../generated/graphql.js';
import type { Principal, RequestContext } from '../../context.js';
import { hashKey } from '../../auth/key-format.js';
import { badInput, notFound } from '../../errors.js';
import type { ApiKeyRecord, KeyLookup } from '../../store/types.js';
import { checkFoundAtText, checkKeyText, NOT_A_KEY_MESSAGE } from '../../../shared/key-format.js';
import { auditContext, requireAdmin, requireCurrentTenant, requirePrincipal, roleIn } from '../guards.js';

// "Whose key is this?": an administrator pastes a key (or its hint) found in a log or a
// repository and learns whose it is, then revokes it as leaked. A key of another tenant
// and a key that does not exist get the same answer, from the same one query; a miss
// counts against the caller (auth/lookup-guard.ts), so the API is no oracle for guesses.

/** A hint names at most this many keys in the answer (hints of 4 random characters repeat in a big tenant). */
const MAX_MATCHES = 20;

/** A whole key that passes its checksum: the only thing revoke_api_key_as_leaked takes. */
function wholeKey(field: string, text: string): string {
  const checked = checkKeyText(text);
  if (checked.kind === 'key') return checked.key;
  if (checked.kind === 'mistyped') throw badInput(field, checked.message);
  if (checked.kind === 'hint') throw badInput(field, 'This is the start of a key, not a whole key: look it up by its hint instead.');
  throw badInput(field, NOT_A_KEY_MESSAGE);
}

function lookupOf(key: string | null | undefined, hint: string | null | undefined): KeyLookup {
  if ((key == null) === (hint == null)) throw badInput('key', 'Give exactly one of key or hint.');
  if (key != null) return { keyHash: hashKey(wholeKey('key', key)) };
  const checked = checkKeyText(hint!);
  if (checked.kind === 'hint') return { keyHint: checked.hint };
  if (checked.kind === 'key' || checked.kind === 'mistyped') throw badInput('hint', 'This is a whole key: look it up as key, which finds it exactly.');
  throw badInput('hint', NOT_A_KEY_MESSAGE);
}

/** The key's holder (the very key, or its owner signed in), or an administrator of its tenant. */
async function mayReportLeaked(ctx: RequestContext, principal: Principal, key: ApiKeyRecord): Promise<boolean> {
  if (principal.apiKeyId === key.id) return true;
  if (principal.apiKeyId === null && principal.userId === key.user_id) return true;
  return (await roleIn(ctx, key.tenant_id)) === 'TENANT_ADMIN';
}

export const keyLookupResolvers: Resolvers = {
  Query: {
    lookup_api_key: async (_root, { key, hint }, ctx) => {
      const { principal, tenantId, role } = requireCurrentTenant(ctx);
      requireAdmin(role, 'Only tenant administrators can look up whose a key is.');
      const lookup = lookupOf(key, hint);
      const rows = await ctx.keyLookups.check(
        ctx.reply,
        principal.userId,
        () => ctx.store.lookUpApiKeys(tenantId, lookup, MAX_MATCHES),
        (found) => found.length > 0,
      );
      return rows.map((row) => ({ api_key: row, last_used_address: row.last_used_address }));
    },
  },
  Mutation: {
    revoke_api_key_as_leaked: async (_root, { input }, ctx) => {
      const principal = requirePrincipal(ctx);
      const key = wholeKey('key', input.key);
      const foundAt = checkFoundAtText(input.found_at);
      if (!foundAt.ok) throw badInput('found_at', foundAt.message);
      const record = await ctx.keyLookups.check(
        ctx.reply,
        principal.userId,
        async () => {
          const found = await ctx.store.findApiKeyByHash(hashKey(key));
          return found && (await mayReportLeaked(ctx, principal, found)) ? found : null;
        },
        (found) => found !== null,
      );
      if (!record || !(await ctx.store.revokeApiKeyAsLeaked(record.id, foundAt.value, auditContext(ctx)))) throw notFound('API key');
      return { success: true, error: null };
    },
  },
};
