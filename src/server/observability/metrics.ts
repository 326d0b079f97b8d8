import type { FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/types.js';
import { operationOf } from './graphql-operation.js';

// Prometheus metrics (prom-client), one registry per app so that tests can build many.
// Every label is bounded: routes are the app's own route patterns, statuses the codes
// it answers, store methods the Store interface's, and GraphQL operation names are
// kept for the first MAX_OPERATION_NAMES distinct names and folded into "other" after,
// so a client inventing names cannot grow the label set without end.

export const MAX_OPERATION_NAMES = 50;
export const OTHER_OPERATION = 'other';
/** The operation label of requests that are not GraphQL operations (pages, assets, health). */
export const NO_OPERATION = 'none';

export type AuthMethod = 'api_key' | 'session';
export const KEY_OUTCOMES = ['ok', 'malformed', 'bad_checksum', 'unknown', 'expired', 'revoked', 'rate_limited'] as const;
export const SESSION_OUTCOMES = ['ok', 'unknown', 'csrf_missing'] as const;
export type KeyOutcome = (typeof KEY_OUTCOMES)[number];
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

/** What authenticate.ts reports; a no-op when metrics are off. */
export interface AuthenticationMetrics {
  key(outcome: KeyOutcome): void;
  session(outcome: SessionOutcome): void;
}

/** Counts the database answers, read when Prometheus scrapes (see ops/database-checks.ts). */
export interface StoredCounts {
  apiKeys: { user: number; service_account: number };
  serviceAccounts: number;
  users: number;
  tenants: number;
  sessions: number;
}

/** Not a database call: nothing to time. */
const UNTIMED_STORE_METHODS = new Set(['close']);

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DB_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5];

export class Metrics implements AuthenticationMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly requests: Counter<'route' | 'operation' | 'status'>;
  private readonly durations: Histogram<'route' | 'operation' | 'status'>;
  private readonly keyOutcomes: Record<KeyOutcome, Counter.Internal>;
  private readonly sessionOutcomes: Record<SessionOutcome, Counter.Internal>;
  private readonly savedAnswers: Counter<'result'>;
  private readonly storeCalls: Histogram<'method'>;

  constructor(countStored: () => Promise<StoredCounts>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'keyplane_http_requests_total',
      help: 'HTTP requests answered, by route pattern, GraphQL operation name and status code.',
      labelNames: ['route', 'operation', 'status'],
      registers,
    });
    this.durations = new Histogram({
      name: 'keyplane_http_request_duration_seconds',
      help: 'Time from the request to the last byte of the answer, by route pattern, GraphQL operation name and status code.',
      labelNames: ['route', 'operation', 'status'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    const authentications = new Counter({
      name: 'keyplane_authentications_total',
      help: 'Authentications of API keys and browser sessions, by outcome.',
      labelNames: ['method', 'outcome'],
      registers,
    });
    // Children made once, so the hot path increments without hashing labels, and set to
    // 0, so every outcome is a series from the start (rate() needs the zero before the first failure).
    const child = (method: AuthMethod, outcome: string) => {
      authentications.inc({ method, outcome }, 0);
      return authentications.labels(method, outcome);
    };
    this.keyOutcomes = Object.fromEntries(KEY_OUTCOMES.map((o) => [o, child('api_key', o)])) as Record<KeyOutcome, Counter.Internal>;
    this.sessionOutcomes = Object.fromEntries(SESSION_OUTCOMES.map((o) => [o, child('session', o)])) as Record<SessionOutcome, Counter.Internal>;
    this.savedAnswers = new Counter({
      name: 'keyplane_saved_answers_total',
      help: 'Read-only queries that could be answered from saved answers: result "hit" (sent without running GraphQL) or "miss".',
      labelNames: ['result'],
      registers,
    });
    for (const result of ['hit', 'miss']) this.savedAnswers.inc({ result }, 0);
    this.storeCalls = new Histogram({
      name: 'keyplane_db_call_duration_seconds',
      help: 'Time in each store method, from the call until its answer, by method.',
      labelNames: ['method'],
      buckets: DB_BUCKETS,
      registers,
    });

    // One query for all the gauges per scrape: a scrape collects every metric at once, in
    // the order they were registered, so the first gauge's collect starts the read and
    // the others wait for the same answer.
    let counts: Promise<StoredCounts | null> = Promise.resolve(null);
    const stored = (name: string, help: string, labelNames: string[], read: (gauge: Gauge, counts: StoredCounts) => void) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers,
        async collect() {
          const answered = await counts;
          if (answered) read(this, answered);
        },
      });
    new Gauge({
      name: 'keyplane_stored_counts_up',
      help: '1 when the database answered the counts below on this scrape, 0 when it did not.',
      registers,
      async collect() {
        counts = countStored().catch(() => null);
        this.set((await counts) ? 1 : 0);
      },
    });
    stored('keyplane_api_keys', 'API keys not revoked (expired ones included), by owner kind.', ['kind'], (gauge, c) => {
      gauge.set({ kind: 'user' }, c.apiKeys.user);
      gauge.set({ kind: 'service_account' }, c.apiKeys.service_account);
    });
    stored('keyplane_service_accounts', 'Service accounts.', [], (gauge, c) => gauge.set(c.serviceAccounts));
    stored('keyplane_users', 'People with an account (service accounts not included).', [], (gauge, c) => gauge.set(c.users));
    stored('keyplane_tenants', 'Tenants.', [], (gauge, c) => gauge.set(c.tenants));
    stored('keyplane_sessions', 'Browser sessions not past their absolute expiry.', [], (gauge, c) => gauge.set(c.sessions));
  }

  key(outcome: KeyOutcome): void {
    this.keyOutcomes[outcome].inc();
  }

  session(outcome: SessionOutcome): void {
    this.sessionOutcomes[outcome].inc();
  }

  savedAnswer(result: 'hit' | 'miss'): void {
    this.savedAnswers.inc({ result });
  }

  /** The operation label: the name while fewer than MAX_OPERATION_NAMES are known, or already known; "other" after. */
  operationLabel(name: string): string {
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return OTHER_OPERATION;
    this.operationNames.add(name);
    return name;
  }

  /** onResponse: one request answered. */
  observeRequest(request: FastifyRequest, reply: FastifyReply): void {
    const operation = operationOf(request);
    const labels = {
      route: request.routeOptions.url ?? 'unmatched',
      operation: operation ? this.operationLabel(operation.name) : NO_OPERATION,
      status: String(reply.statusCode),
    };
    this.requests.inc(labels);
    this.durations.observe(labels, reply.elapsedTime / 1000);
  }

  /**
   * The store with every database method timed, from the call until its promise
   * settles: what the app calls goes through this, calls inside the store do not (they
   * are part of the outer call's time).
   */
  timedStore(store: Store): Store {
    const target = store as unknown as Record<string, (...args: unknown[]) => unknown>;
    const timed = Object.create(null) as Record<string, unknown>;
    for (
      let proto = Object.getPrototypeOf(store) as object | null;
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto) as object | null
    ) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor' || name in timed || typeof target[name] !== 'function') continue;
        if (UNTIMED_STORE_METHODS.has(name)) {
          timed[name] = (...args: unknown[]) => target[name](...args);
          continue;
        }
        // Made on first use: only methods the app calls get a series.
        let timer: Histogram.Internal<'method'> | undefined;
        timed[name] = (...args: unknown[]) => {
          const start = performance.now();
          const observe = () => (timer ??= this.storeCalls.labels(name)).observe((performance.now() - start) / 1000);
          let answer: unknown;
          try {
            answer = target[name](...args);
          } catch (error) {
            observe();
            throw error;
          }
          if (answer instanceof Promise) return answer.finally(observe);
          observe();
          return answer;
        };
      }
    }
    return timed as unknown as Store;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
