import { createHmac, randomInt } from 'node:crypto';

// Stripe's scheme: the receiver recomputes HMAC-SHA256 over "<t>.<raw body>" with the
// webhook's secret and compares, and refuses an old t (docs/webhooks.md has the code).

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A webhook's signing secret: whsec_ and 32 base62 characters from a CSPRNG (randomInt has no modulo bias). */
export function generateWebhookSecret(): string {
  let secret = 'whsec_';
  for (let i = 0; i < 32; i++) secret += BASE62[randomInt(62)];
  return secret;
}

/** The Keyplane-Signature header of a body sent at `unixSeconds`. */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}
