import type { FastifyBaseLogger } from 'fastify';
import { daysText } from '../../shared/key-policy.js';
import { keyWarningEmail, type KeyWarningEmail } from '../notifications/key-warning-email.js';
import { sendFailure, type Mailer } from '../notifications/mailer.js';
import type { KeyWarningKind, ScheduledKey, Store } from '../store/types.js';
import type { Job, JobCounts } from './scheduler.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Keys one run of a job looks at, at most: the rest wait for the next run (a backlog after an outage drains in steps). */
export const KEYS_PER_RUN = 500;
/** Expiry warnings go out this long before (the 7-day one), and this long before (the 1-day one). */
export const EXPIRY_WARNINGS = [
  { kind: 'expiry_1d', before: DAY },
  { kind: 'expiry_7d', before: 7 * DAY },
] as const;
/** A key that expired longer ago than this when the job first saw it gets no api_key.expired event (a first run on an old database). */
export const EXPIRED_LOOKBACK_MS = 7 * DAY;
/** The idle warning goes out this long before the revocation (at once when less remains). */
export const IDLE_WARNING_MS = 7 * DAY;
/** An idle key is revoked no sooner than this after its warning, even when its idle days were over before it. */
export const IDLE_MIN_NOTICE_MS = DAY;
/** The warnings of keys revoked or expired longer ago than this are forgotten (longer than EXPIRED_LOOKBACK_MS, so no key expires twice). */
export const WARNING_RETENTION_MS = 30 * DAY;

export interface KeyJobOptions {
  store: Store;
  /** Null: no email (KEYPLANE_SMTP_URL unset); the warnings are recorded and audited all the same. */
  mailer: Mailer | null;
  /** Keyplane's address for the links in emails. */
  publicUrl: string;
  log: FastifyBaseLogger;
  keysPerRun?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Sends a warning to whoever can act on the key; a failure is logged and counted, never thrown. */
async function notify(options: KeyJobOptions, key: ScheduledKey, warning: KeyWarningEmail, now: Date, counts: JobCounts): Promise<void> {
  if (!options.mailer) return;
  const to = key.account_type === 'SERVICE' ? await options.store.listAdminEmails(key.tenant.id) : key.owner_email ? [key.owner_email] : [];
  if (to.length === 0) return;
  try {
    await options.mailer.send(keyWarningEmail(key, warning, to, options.publicUrl, now));
    counts.emailed++;
  } catch (error) {
    counts.email_failed++;
    // The warning stays recorded: nobody gets the same email twice, at the cost of one not arriving.
    options.log.warn({ api_key_id: key.id, tenant_id: key.tenant.id, recipients: to.length, err: sendFailure(error) }, 'could not email a key warning');
  }
}

/**
 * Expiry: live keys expiring within a day, then within 7 days (not within a day), get
 * one warning of each kind, audited api_key.expiring and emailed; keys that expired since
 * the last run get one api_key.expired event.
 */
export function keyExpiryJob(options: KeyJobOptions): Job {
  const limit = options.keysPerRun ?? KEYS_PER_RUN;
  return {
    name: 'key-expiry',
    periodMs: 10 * MINUTE,
    async run(now) {
      const counts: JobCounts = { warned: 0, expired: 0, emailed: 0, email_failed: 0 };
      const at = now.getTime();
      let left = limit;
      for (const [i, { kind, before }] of EXPIRY_WARNINGS.entries()) {
        if (left === 0) break;
        // The 7-day window starts where the 1-day one ends: a key due within a day gets the 1-day warning alone.
        const from = i === 0 ? at : at + EXPIRY_WARNINGS[i - 1].before;
        const keys = await options.store.listKeysToWarn(kind, iso(from), iso(at + before), left);
        left -= keys.length;
        for (const key of keys) {
          const expiresAt = key.expires_at!;
          if (!(await record(options.store, key, kind, `expires in ${days(expiresAt, at)} (${expiresAt})`, now))) continue;
          counts.warned++;
          await notify(options, key, { kind: 'expiry', expiresAt }, now, counts);
        }
      }
      if (left > 0) {
        for (const key of await options.store.listNewlyExpiredKeys(iso(at - EXPIRED_LOOKBACK_MS), now.toISOString(), left)) {
          if (await record(options.store, key, 'expired', `expired at ${key.expires_at!}`, now)) counts.expired++;
        }
      }
      return counts;
    },
  };
}

/** "7 days", "1 day": whole days left, at least one. */
function days(expiresAt: string, at: number): string {
  return daysText(Math.max(1, Math.round((Date.parse(expiresAt) - at) / DAY)));
}

function record(store: Store, key: ScheduledKey, kind: KeyWarningKind, detail: string, now: Date, renewBefore?: string): Promise<boolean> {
  return store.recordKeyWarning({ apiKeyId: key.id, kind, detail, at: now.toISOString(), ...(renewBefore !== undefined && { renewBefore }) });
}

/**
 * Idle keys, in tenants whose policy sets idle_days: a key unused (since its creation if
 * never used) for idle_days is revoked (api_key.revoke, cause idle_expiry), once it was
 * warned IDLE_WARNING_MS before (or at once when less remained, then no sooner than
 * IDLE_MIN_NOTICE_MS after the warning). A use after the warning keeps the key; it is
 * warned again when it is idle again.
 */
export function idleKeysJob(options: KeyJobOptions): Job {
  const limit = options.keysPerRun ?? KEYS_PER_RUN;
  return {
    name: 'idle-keys',
    periodMs: 60 * MINUTE,
    async run(now) {
      const counts: JobCounts = { revoked: 0, warned: 0, emailed: 0, email_failed: 0 };
      const at = now.getTime();
      let left = limit;
      for (const policy of await options.store.listIdlePolicies()) {
        if (left === 0) break;
        const idleMs = policy.idle_days * DAY;
        const activeBy = iso(at - idleMs);
        const due = await options.store.listIdleKeysToRevoke(policy.tenant_id, now.toISOString(), activeBy, iso(at - IDLE_MIN_NOTICE_MS), left);
        left -= due.length;
        for (const key of due) if (await options.store.revokeIdleKey(key.id, activeBy)) counts.revoked++;
        if (left === 0) break;
        const toWarn = await options.store.listIdleKeysToWarn(policy.tenant_id, now.toISOString(), iso(at - idleMs + IDLE_WARNING_MS), left);
        left -= toWarn.length;
        for (const key of toWarn) {
          const activity = key.last_used_at ?? key.created;
          const revokeOn = iso(Math.max(Date.parse(activity) + idleMs, at + IDLE_MIN_NOTICE_MS));
          if (!(await record(options.store, key, 'idle', `idle: revoked on ${revokeOn.slice(0, 10)} unless used`, now, activity))) continue;
          counts.warned++;
          await notify(options, key, { kind: 'idle', revokeOn, idleDays: policy.idle_days }, now, counts);
        }
      }
      return counts;
    },
  };
}

/** Forgets the warnings of keys revoked or expired WARNING_RETENTION_MS ago, a bounded batch a day. */
export function pruneKeyWarningsJob(options: Pick<KeyJobOptions, 'store' | 'keysPerRun'>): Job {
  return {
    name: 'key-warning-prune',
    periodMs: DAY,
    async run(now) {
      return { pruned: await options.store.pruneKeyWarnings(iso(now.getTime() - WARNING_RETENTION_MS), options.keysPerRun ?? KEYS_PER_RUN) };
    },
  };
}
