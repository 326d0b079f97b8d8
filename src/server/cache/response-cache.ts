import type { FastifyReply, FastifyRequest } from 'fastify';
import { BREAK, getOperationAST, Kind, OperationTypeNode, visit, type DocumentNode } from 'graphql';
import { perOperation } from '../graphql/per-operation.js';
import type { ChangeFeed } from './change-feed.js';

// Serialised answers to repeated read-only queries, so that a list page a team keeps
// open, or an agent asking auth_info, skips GraphQL, SQL and JSON after the first time.
//
// What makes a saved answer right to reuse:
// - it is kept under the exact credential (key id or session hash), tenant, role and
//   request text that produced it, after authentication has run again for the new
//   request (a revoked key is refused before the cache is looked at);
// - only queries whose every root field reads stored data alone are saved (nothing
//   that depends on the clock, such as members' active-key counts or invitations);
// - the whole cache is dropped when the change feed's stamp moves (cache/change-feed.ts):
//   a change to keys, members, roles, tenants, invitations or the audit log, by this
//   process or, as the feed notices them, by others;
// - an answer computed while such a change happened is not saved, nor one with errors;
// - key uses (last_used_at, written at most once a minute) do not move the stamp: when
//   this process writes them, the answers that show last_used_at are dropped alone
//   (forgetKeyUses; one computed while they were written is not kept), and every answer is dropped at least every MAX_AGE_MS, so uses
//   another process wrote show at most that late.

/** Root fields whose answers depend on the caller and the stored data, not on the time. */
const CACHEABLE_ROOT_FIELDS = new Set([
  '__typename',
  'auth_info',
  'auth_api_key',
  'auth_api_key_aggregate',
  'tenant',
  'tenant_aggregate',
  'audit_event',
  'audit_event_aggregate',
  'audit_event_actor',
  'audit_event_actor_aggregate',
]);
/** Bigger answers are sent but not kept (a 1,000-key page is about 560 KB). */
const MAX_ENTRY_BYTES = 256 * 1024;
/** Requests with longer text are not kept either: the text is part of the key, and counts against the budget. */
const MAX_KEY_CHARS = 16 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';
/** How long saved answers are kept at most: the time last_used_at may lag behind a use anyway. */
export const MAX_AGE_MS = 60_000;

interface Pending {
  key: string;
  stamp: number;
  generation: number;
  cacheable: boolean;
  /** The answer shows when keys were last used. */
  showsKeyUses: boolean;
  /** forgetKeyUses' count when the request started: an answer showing uses read before a later write of them is not kept. */
  keyUseGeneration: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    responseCachePending?: Pending;
  }
}

interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** Whether an operation's answer may be kept: remembered for each parsed document (see perOperation). */
export const isCacheableOperation = perOperation((document, operationName) => {
  const operation = getOperationAST(document, operationName ?? undefined);
  return (
    operation?.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && CACHEABLE_ROOT_FIELDS.has(selection.name.value))
  );
});

/**
 * Whether an operation's answer shows last_used_at or a key's agents, whose last seen
 * follows key uses and agents' check-ins, written alike (anywhere, fragments included).
 */
export const showsKeyUses = perOperation((document) => {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== 'last_used_at' && node.name.value !== 'agents') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
});

export class ResponseCache {
  private entries = new Map<string, Buffer>();
  /** The keys of the entries whose answers show last_used_at. */
  private keyUseEntries = new Set<string>();
  private bytes = 0;
  private stamp = -1;
  /** Moves each time the entries are dropped; an answer is saved only into the generation it was computed in. */
  private generation = 0;
  /** Moves each time the answers that show key uses are dropped (forgetKeyUses). */
  private keyUseGeneration = 0;
  private expiresAt = 0;

  constructor(
    private readonly changes: ChangeFeed,
    /** Upper bound on the kept answers' total size, with their keys, in bytes (about: a key is counted by its length). */
    private readonly maxBytes: number,
  ) {}

  /**
   * After authentication: sends the saved answer and returns true, or notes what
   * this request's answer would be saved under and returns false.
   */
  answer(request: FastifyRequest, reply: FastifyReply): boolean {
    const principal = request.principal;
    if (!principal) return false;
    const params = (request.method === 'GET' ? request.query : request.body) as GraphQLParams | undefined;
    if (!params || typeof params.query !== 'string') return false;
    const variables =
      params.variables === undefined || params.variables === null
        ? ''
        : typeof params.variables === 'string'
          ? params.variables
          : JSON.stringify(params.variables);
    const key = [
      principal.apiKeyId ?? principal.sessionIdHash,
      principal.tenantId,
      principal.role,
      request.tenantDenied ? 'denied' : '',
      typeof params.operationName === 'string' ? params.operationName : '',
      params.query,
      variables,
    ].join('\u0000');
    if (key.length > MAX_KEY_CHARS) return false;

    const stamp = this.changes.stamp();
    if (stamp !== this.stamp || Date.now() >= this.expiresAt) this.clear(stamp);
    const saved = this.entries.get(key);
    if (saved !== undefined) {
      // Least recently used goes first: a hit moves to the end.
      this.entries.delete(key);
      this.entries.set(key, saved);
      reply.code(200).type(JSON_TYPE).send(saved);
      return true;
    }
    request.responseCachePending = { key, stamp, generation: this.generation, cacheable: false, showsKeyUses: false, keyUseGeneration: this.keyUseGeneration };
    return false;
  }

  /** Before execution: whether the operation is one whose answer may be kept. */
  considerOperation(request: FastifyRequest, document: DocumentNode, operationName: string | null | undefined): void {
    const pending = request.responseCachePending;
    if (!pending) return;
    pending.cacheable = isCacheableOperation(document, operationName);
    if (pending.cacheable) pending.showsKeyUses = showsKeyUses(document, operationName);
  }

  /** This process has written key uses (auth/key-usage.ts): the answers that show them go. */
  forgetKeyUses(): void {
    this.keyUseGeneration++;
    for (const key of this.keyUseEntries) {
      const value = this.entries.get(key);
      if (value === undefined) continue;
      this.entries.delete(key);
      this.bytes -= key.length + value.length;
    }
    this.keyUseEntries.clear();
  }

  /** After execution: an answer with errors is never kept. */
  noteErrors(request: FastifyRequest): void {
    if (request.responseCachePending) request.responseCachePending.cacheable = false;
  }

  /** When the answer is sent (onSend). */
  save(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
    const pending = request.responseCachePending;
    if (!pending?.cacheable || reply.statusCode !== 200 || typeof payload !== 'string' || payload.length > MAX_ENTRY_BYTES) return;
    // A write while this request ran: what it read may straddle the write.
    if (this.changes.stamp() !== pending.stamp || pending.generation !== this.generation) return;
    // Uses were written while this request ran: it may show them as they were before.
    if (pending.showsKeyUses && pending.keyUseGeneration !== this.keyUseGeneration) return;
    if (this.entries.has(pending.key)) return;
    // Kept as bytes: a hit then skips encoding the string again (about 10 µs for a 28 KB page).
    const bytes = Buffer.from(payload);
    this.entries.set(pending.key, bytes);
    if (pending.showsKeyUses) this.keyUseEntries.add(pending.key);
    this.bytes += pending.key.length + bytes.length;
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.keyUseEntries.delete(key);
      this.bytes -= key.length + value.length;
    }
  }

  private clear(stamp: number): void {
    this.entries = new Map();
    this.keyUseEntries = new Set();
    this.bytes = 0;
    this.stamp = stamp;
    this.generation++;
    this.expiresAt = Date.now() + MAX_AGE_MS;
  }
}
