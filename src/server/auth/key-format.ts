import { hash, randomInt } from 'node:crypto';
import { BASE62, HINT_LENGTH, keyChecksum, RANDOM_LENGTH, SERVICE_KEY_PREFIX, type KeyPrefix } from '../../shared/key-format.js';

// Key format (DESIGN.md): prefix, 30 random base62 characters, 6 base62 characters
// of CRC32 over prefix + random part. 40 characters in all. The format and the
// checksum are src/shared/key-format.ts, which the browser uses too: one CRC32 (a
// table lookup per character, for 34 characters), so the API and the form can never
// disagree about a key.

export { isWellFormedKey, KEY_LENGTH, SERVICE_KEY_PREFIX, USER_KEY_PREFIX, type KeyPrefix } from '../../shared/key-format.js';

/** A new key. crypto.randomInt draws each character uniformly (no modulo bias). */
export function generateKey(prefix: KeyPrefix): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += BASE62[randomInt(62)];
  const body = prefix + random;
  return body + keyChecksum(body);
}

export function isServiceAccountKey(key: string): boolean {
  return key.startsWith(SERVICE_KEY_PREFIX);
}

/** What is stored: the SHA-256 of the key, hex. */
export function hashKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** What is shown: the prefix and the first four random characters. */
export function keyHint(key: string): string {
  return key.slice(0, HINT_LENGTH);
}
