// Webhook events and the rules of a webhook's URL and event list, shared by the Add
// webhook form and the API. Pure: no Node, DOM or React. What each event carries is in
// docs/webhooks.md; which audit action raises which event is server/webhooks/events.ts.

/** Every event a webhook can subscribe to, in the order the form lists them. */
export const WEBHOOK_EVENTS = [
  'api_key.created',
  'api_key.revoked',
  'api_key.idle_revoked',
  'api_key.rotated',
  'api_key.expiring',
  'api_key.expired',
  'api_key.leaked_reported',
  'api_key.canary_used',
  'service_account.created',
  'service_account.deleted',
  'membership.created',
  'membership.role_changed',
  'membership.deleted',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Subscriptions to every event of a kind, present and future. */
export const WEBHOOK_WILDCARDS = ['service_account.*', 'membership.*'] as const;

/** What send_test_webhook sends: no subscription is needed for it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const MAX_WEBHOOK_URL_LENGTH = 2000;

const SUBSCRIBABLE = new Set<string>([...WEBHOOK_EVENTS, ...WEBHOOK_WILDCARDS]);

/** Whether a webhook subscribed to `events` receives an event of `type`. */
export function subscribesTo(events: readonly string[], type: string): boolean {
  if (events.includes(type)) return true;
  const dot = type.indexOf('.');
  return dot > 0 && events.includes(`${type.slice(0, dot)}.*`);
}

export type WebhookEventsCheck = { ok: true; events: string[] } | { ok: false; message: string };

/** A list of event names: at least one, each known or a wildcard, duplicates dropped. */
export function checkWebhookEvents(events: readonly string[]): WebhookEventsCheck {
  const names = [...new Set(events.map((event) => event.trim()))];
  if (names.length === 0) return { ok: false, message: 'Choose at least one event.' };
  const unknown = names.find((name) => !SUBSCRIBABLE.has(name));
  if (unknown !== undefined) return { ok: false, message: `"${unknown.slice(0, 100)}" is not a webhook event (see docs/webhooks.md for the list).` };
  return { ok: true, events: names };
}

export type WebhookUrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/**
 * The form of a webhook URL: https, or http where allowed (the server decides that by the
 * address it resolves to, see server/webhooks/addresses.ts); no user name or password in it.
 */
export function checkWebhookUrlForm(text: string): WebhookUrlCheck {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, message: 'Enter the URL that receives the events.' };
  if (trimmed.length > MAX_WEBHOOK_URL_LENGTH) return { ok: false, message: `The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'Enter a whole URL, such as https://example.com/keyplane-events.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'The URL must start with https://.' };
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'The URL may not hold a user name or password: verify the signature instead.' };
  if (url.hostname === '') return { ok: false, message: 'The URL has no host.' };
  return { ok: true, url };
}
