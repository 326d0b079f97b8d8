import { randomUUID } from 'node:crypto';
import { WEBHOOK_TEST_EVENT, subscribesTo } from '../../../shared/webhooks.js';
import { webhookEventOf, webhookPayload, type KeyFacts } from '../../webhooks/events.js';
import type {
  AuditInput,
  ClaimedDelivery,
  NewWebhook,
  WebhookAttempt,
  WebhookChanges,
  WebhookDeliveryRecord,
  WebhookDeliveryStatus,
  WebhookRecord,
} from '../types.js';
import type { Dialect, Queryable, SqlValue } from './driver.js';

// Webhooks' SQL, apart from sql-store.ts (which calls it), on either driver: the subset
// both dialects read (driver.ts), and FOR UPDATE SKIP LOCKED where only PostgreSQL has it.

const WEBHOOK_COLUMNS =
  'w.id, w.tenant_id, w.url, w.events, w.enabled, w.created, w.created_by_id, w.updated, ' +
  // The newest delivery's status and time, by the (webhook_id, created) index.
  '(SELECT d.status FROM webhook_delivery d WHERE d.webhook_id = w.id ORDER BY d.created DESC, d.id DESC LIMIT 1) AS last_delivery_status, ' +
  '(SELECT max(d.created) FROM webhook_delivery d WHERE d.webhook_id = w.id) AS last_delivery_at';
const DELIVERY_COLUMNS =
  'd.id, d.webhook_id, d.event_id, d.event_type, d.payload, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at, d.response_status, d.duration_ms, d.error, d.created';

type WebhookRow = Omit<WebhookRecord, 'events' | 'enabled'> & { events: string; enabled: number };

const webhookOf = (row: WebhookRow): WebhookRecord => ({ ...row, events: JSON.parse(row.events) as string[], enabled: Number(row.enabled) === 1 });

const deliveryOf = <T extends WebhookDeliveryRecord>(row: T): T => ({
  ...row,
  attempts: Number(row.attempts),
  response_status: row.response_status === null ? null : Number(row.response_status),
  duration_ms: row.duration_ms === null ? null : Number(row.duration_ms),
});

export async function selectWebhook(db: Queryable, id: string): Promise<WebhookRecord | null> {
  const row = await db.get<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhook w WHERE w.id = ?`, [id]);
  return row ? webhookOf(row) : null;
}

export async function selectWebhooks(db: Queryable, tenantId: string): Promise<WebhookRecord[]> {
  const rows = await db.all<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhook w WHERE w.tenant_id = ? ORDER BY w.created, w.id`, [tenantId]);
  return rows.map(webhookOf);
}

export async function insertWebhook(db: Queryable, webhook: NewWebhook, at: string): Promise<void> {
  await db.run('INSERT INTO webhook (id, tenant_id, url, events, secret, enabled, created, created_by_id, updated) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)', [
    webhook.id,
    webhook.tenantId,
    webhook.url,
    JSON.stringify(webhook.events),
    webhook.secret,
    at,
    webhook.createdById,
    at,
  ]);
}

/** Sets the fields that differ; answers their names (none: nothing written). */
export async function changeWebhook(db: Queryable, before: WebhookRecord, changes: WebhookChanges, at: string): Promise<string[]> {
  const sets: string[] = [];
  const params: SqlValue[] = [];
  if (changes.url !== undefined && changes.url !== before.url) {
    sets.push('url');
    params.push(changes.url);
  }
  if (changes.events !== undefined && JSON.stringify(changes.events) !== JSON.stringify(before.events)) {
    sets.push('events');
    params.push(JSON.stringify(changes.events));
  }
  if (changes.enabled !== undefined && changes.enabled !== before.enabled) {
    sets.push('enabled');
    params.push(changes.enabled ? 1 : 0);
  }
  if (sets.length === 0) return [];
  await db.run(`UPDATE webhook SET ${sets.map((column) => `${column} = ?`).join(', ')}, updated = ? WHERE id = ?`, [...params, at, before.id]);
  return sets;
}

export async function deleteWebhookRows(db: Queryable, condition: 'id' | 'tenant_id', value: string): Promise<void> {
  const webhooks = condition === 'id' ? '?' : 'SELECT id FROM webhook WHERE tenant_id = ?';
  await db.run(`DELETE FROM webhook_delivery WHERE webhook_id IN (${webhooks})`, [value]);
  await db.run(`DELETE FROM webhook WHERE ${condition} = ?`, [value]);
}

async function insertDelivery(
  db: Queryable,
  delivery: { webhookId: string; eventId: string; type: string; payload: string; at: string },
): Promise<WebhookDeliveryRecord> {
  const record: WebhookDeliveryRecord = {
    id: randomUUID(),
    webhook_id: delivery.webhookId,
    event_id: delivery.eventId,
    event_type: delivery.type,
    payload: delivery.payload,
    status: 'pending',
    attempts: 0,
    next_attempt_at: delivery.at,
    last_attempt_at: null,
    response_status: null,
    duration_ms: null,
    error: null,
    created: delivery.at,
  };
  await db.run(
    `INSERT INTO webhook_delivery (id, webhook_id, event_id, event_type, payload, status, attempts, next_attempt_at, created)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    [record.id, record.webhook_id, record.event_id, record.event_type, record.payload, record.next_attempt_at, record.created],
  );
  return record;
}

/**
 * The outbox: queues one delivery per enabled webhook of the event's tenant that subscribes
 * to the event it raises, in the caller's transaction. One indexed read of the tenant's
 * webhooks per audit event that raises one; a key's hint is read only when a webhook hears.
 */
export async function queueWebhookDeliveries(db: Queryable, event: AuditInput & { id: string; created: string }): Promise<void> {
  const type = webhookEventOf(event);
  if (type === null || event.tenant_id === null) return;
  const webhooks = await db.all<{ id: string; events: string }>('SELECT id, events FROM webhook WHERE tenant_id = ? AND enabled = 1', [event.tenant_id]);
  const listening = webhooks.filter((webhook) => subscribesTo(JSON.parse(webhook.events) as string[], type));
  if (listening.length === 0) return;
  let key: KeyFacts | null = null;
  if (event.target_type === 'api_key' && event.target_id) {
    key = await db.get<{ key_hint: string; expires_at: string | null }>('SELECT key_hint, expires_at FROM api_key WHERE id = ?', [event.target_id]);
  } else if (event.target_type === 'canary_key' && event.target_id) {
    key = await db.get<{ key_hint: string }>('SELECT key_hint FROM canary_key WHERE id = ?', [event.target_id]);
  }
  const payload = JSON.stringify(webhookPayload(type, { ...event, tenant_id: event.tenant_id }, key));
  for (const webhook of listening) await insertDelivery(db, { webhookId: webhook.id, eventId: event.id, type, payload, at: event.created });
}

export async function selectDeliveries(db: Queryable, webhookId: string, limit: number, offset: number): Promise<WebhookDeliveryRecord[]> {
  const rows = await db.all<WebhookDeliveryRecord>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery d WHERE d.webhook_id = ? ORDER BY d.created DESC, d.id DESC LIMIT ? OFFSET ?`,
    [webhookId, limit, offset],
  );
  return rows.map(deliveryOf);
}

export async function countDeliveries(db: Queryable, webhookId: string): Promise<number> {
  return Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM webhook_delivery WHERE webhook_id = ?', [webhookId]))!.n);
}

export async function selectDelivery(db: Queryable, id: string): Promise<WebhookDeliveryRecord | null> {
  const row = await db.get<WebhookDeliveryRecord>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_delivery d WHERE d.id = ?`, [id]);
  return row ? deliveryOf(row) : null;
}

/** The same event again, as a new delivery due now (receivers tell repeats by the payload's id). */
export function requeueDelivery(db: Queryable, delivery: WebhookDeliveryRecord, at: string): Promise<WebhookDeliveryRecord> {
  return insertDelivery(db, { webhookId: delivery.webhook_id, eventId: delivery.event_id, type: delivery.event_type, payload: delivery.payload, at });
}

export function queueTest(db: Queryable, webhook: WebhookRecord, actorId: string | null, at: string): Promise<WebhookDeliveryRecord> {
  const eventId = randomUUID();
  const payload = {
    id: eventId,
    type: WEBHOOK_TEST_EVENT,
    created: at,
    tenant_id: webhook.tenant_id,
    data: { object: 'webhook', id: webhook.id, actor_id: actorId },
  };
  return insertDelivery(db, { webhookId: webhook.id, eventId, type: WEBHOOK_TEST_EVENT, payload: JSON.stringify(payload), at });
}

/** Whether any delivery of an enabled webhook is due at `at` (by the partial index of pending ones), claimed or not. */
export async function anyDue(db: Queryable, at: string): Promise<boolean> {
  return (
    (await db.get(
      "SELECT 1 AS due FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND w.enabled = 1 LIMIT 1",
      [at],
    )) !== null
  );
}

/**
 * Claims due deliveries in the caller's transaction. SQLite's write transaction is the only
 * one, so its read and update cannot interleave with another's; PostgreSQL's rows are locked
 * as they are read, and rows another instance is claiming are skipped rather than waited for.
 */
export async function claimDeliveries(db: Queryable, dialect: Dialect, at: string, claimUntil: string, limit: number): Promise<ClaimedDelivery[]> {
  const lock = dialect === 'postgres' ? ' FOR UPDATE OF d SKIP LOCKED' : '';
  const rows = await db.all<ClaimedDelivery>(
    `SELECT ${DELIVERY_COLUMNS}, w.url, w.secret, w.tenant_id FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
     WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND (d.claimed_until IS NULL OR d.claimed_until < ?) AND w.enabled = 1
     ORDER BY d.next_attempt_at, d.id LIMIT ?${lock}`,
    [at, at, limit],
  );
  if (rows.length === 0) return [];
  await db.run(`UPDATE webhook_delivery SET claimed_until = ? WHERE id IN (${rows.map(() => '?').join(',')})`, [claimUntil, ...rows.map((row) => row.id)]);
  return rows.map(deliveryOf);
}

export async function recordAttempt(db: Queryable, deliveryId: string, attempt: WebhookAttempt, keep: number): Promise<void> {
  const status: WebhookDeliveryStatus = attempt.status;
  await db.run(
    `UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?, response_status = ?,
       duration_ms = ?, error = ?, claimed_until = NULL WHERE id = ?`,
    [status, attempt.at, attempt.next_attempt_at, attempt.response_status, Math.round(attempt.duration_ms), attempt.error, deliveryId],
  );
  // A webhook keeps its newest `keep` finished deliveries; one still pending is never dropped.
  const row = await db.get<{ webhook_id: string }>('SELECT webhook_id FROM webhook_delivery WHERE id = ?', [deliveryId]);
  if (!row) return;
  await db.run(
    `DELETE FROM webhook_delivery WHERE webhook_id = ? AND status <> 'pending' AND id NOT IN
       (SELECT id FROM webhook_delivery WHERE webhook_id = ? ORDER BY created DESC, id DESC LIMIT ?)`,
    [row.webhook_id, row.webhook_id, keep],
  );
}
