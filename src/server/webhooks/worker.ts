import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ClaimedDelivery, Store, WebhookAttempt } from '../store/types.js';
import { checkWebhookTarget, resolveAll, type ResolvedAddress, type Resolve } from './addresses.js';
import { signatureHeader } from './signature.js';

// Sends the deliveries the store queued (the outbox, store/sql/webhooks.ts): polls for due
// ones, claims them (so that with several instances each is sent once), posts each signed
// body, and records the outcome. Nothing here runs inside a request: a change's request
// only inserts its deliveries, in its own transaction.

/** How often each instance looks for due deliveries (an indexed read when there are none). */
export const POLL_EVERY_MS = 1_000;
/** A receiver that has not answered by then has failed this attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How long a claim holds: past the timeout with room to record, after which another instance may retry. */
const CLAIM_MS = 60_000;
/** Deliveries one claim takes at most, sent together; a poll claims up to MAX_ROUNDS batches. */
const BATCH = 20;
const MAX_ROUNDS = 5;
/** The first retry's delay, doubled at each further failure up to MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 3_600_000;
/** A delivery still failing this long after it was queued has failed for good. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** Finished deliveries a webhook keeps, newest first; older ones are deleted. */
export const DELIVERIES_KEPT = 100;
/** What an error message recorded may hold at most. */
const MAX_ERROR_LENGTH = 500;

export const USER_AGENT = 'Keyplane-Webhooks/1';

/** The delay before the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min, … up to 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export interface WebhookWorkerOptions {
  /** KEYPLANE_WEBHOOKS_ALLOW_PRIVATE: private and loopback receivers are allowed. */
  allowPrivate: boolean;
  resolve?: Resolve;
  /** Told of a poll that failed (a database that went away): the next poll tries again. */
  failed?: (error: unknown) => void;
}

interface Outcome {
  delivered: boolean;
  responseStatus: number | null;
  error: string | null;
}

export class WebhookWorker {
  /** The clock backoff and signatures read; tests move it instead of waiting. */
  now: () => number = Date.now;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<number> | null = null;
  private readonly resolve: Resolve;

  constructor(
    private readonly store: Pick<Store, 'claimWebhookDeliveries' | 'recordWebhookAttempt'>,
    private readonly options: WebhookWorkerOptions,
  ) {
    this.resolve = options.resolve ?? resolveAll;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.poll().catch((error: unknown) => this.options.failed?.(error)), POLL_EVERY_MS).unref();
  }

  /** Stops polling and waits for the attempts under way, so that the store can close after. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling?.catch(() => undefined);
  }

  /** Sends what is due now; answers how many attempts were made. One poll at a time per instance. */
  poll(): Promise<number> {
    this.polling ??= this.sendDue().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async sendDue(): Promise<number> {
    let sent = 0;
    // A full batch may mean a backlog (a receiver back after an outage): claim again at once, a few times.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const at = this.now();
      const claimed = await this.store.claimWebhookDeliveries(new Date(at).toISOString(), new Date(at + CLAIM_MS).toISOString(), BATCH);
      await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
      sent += claimed.length;
      if (claimed.length < BATCH) break;
    }
    return sent;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const startedAt = this.now();
    const started = performance.now();
    const outcome = await this.send(delivery, startedAt);
    const attempts = delivery.attempts + 1;
    const retryAt = startedAt + backoffMs(attempts);
    const givesUp = retryAt > Date.parse(delivery.created) + GIVE_UP_AFTER_MS;
    const attempt: WebhookAttempt = {
      status: outcome.delivered ? 'delivered' : givesUp ? 'failed' : 'pending',
      at: new Date(startedAt).toISOString(),
      response_status: outcome.responseStatus,
      duration_ms: performance.now() - started,
      error: outcome.error === null ? null : outcome.error.slice(0, MAX_ERROR_LENGTH),
      next_attempt_at: outcome.delivered || givesUp ? null : new Date(retryAt).toISOString(),
    };
    await this.store.recordWebhookAttempt(delivery.id, attempt, DELIVERIES_KEPT);
  }

  private async send(delivery: ClaimedDelivery, at: number): Promise<Outcome> {
    // Checked again at each attempt: a host's addresses may have changed since it was created.
    const target = await checkWebhookTarget(delivery.url, this.options.allowPrivate, this.resolve);
    if (!target.ok) return { delivered: false, responseStatus: null, error: target.message };
    const body = delivery.payload;
    const headers = {
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(body)),
      'User-Agent': USER_AGENT,
      'Keyplane-Event': delivery.event_type,
      'Keyplane-Delivery': delivery.id,
      'Keyplane-Signature': signatureHeader(delivery.secret, Math.floor(at / 1000), body),
    };
    try {
      const response = await post(target.url, target.addresses, headers, body);
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) return { delivered: true, responseStatus: status, error: null };
      const redirect = status >= 300 && status < 400 && response.headers.location ? ` (a redirect to ${response.headers.location}, which is not followed)` : '';
      return { delivered: false, responseStatus: status, error: `The receiver answered HTTP ${status}${redirect}.` };
    } catch (error) {
      return { delivered: false, responseStatus: null, error: (error as Error).message || String(error) };
    }
  }
}

/** A lookup that answers the addresses already checked: the connection goes where the check looked. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, [...addresses]);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

/** POSTs the body, reads the answer away, and resolves with its head; redirects are not followed. */
function post(url: URL, addresses: readonly ResolvedAddress[], headers: Record<string, string>, body: string): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'POST', headers, lookup: pinnedLookup(addresses), timeout: DELIVERY_TIMEOUT_MS }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response));
      response.on('error', reject);
    });
    const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`)), DELIVERY_TIMEOUT_MS);
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', () => request.destroy(new Error(`No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.`)));
    request.on('error', reject);
    request.end(body);
  });
}
