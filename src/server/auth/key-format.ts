import { hash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

// Key format (DESIGN.md): prefix, 30 random base62 characters, 6 base62 characters
// of CRC32 over prefix + random part. 40 characters in all. The CRC32 is zlib's
// (node:zlib has it from Node 20.15; `engines` asks for 20.19).

export const USER_KEY_PREFIX = 'kpu_';
export const SERVICE_KEY_PREFIX = 'kps_';
export type KeyPrefix = typeof USER_KEY_PREFIX | typeof SERVICE_KEY_PREFIX;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
export const KEY_LENGTH = 4 + RANDOM_LENGTH + CHECKSUM_LENGTH;
const KEY_PATTERN = /^kp[us]_[0-9A-Za-z]{36}$/;

function toBase62(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/** A new key. crypto.randomInt draws each character uniformly (no modulo bias). */
export function generateKey(prefix: KeyPrefix): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += BASE62[randomInt(62)];
  const body = prefix + random;
  return body + toBase62(crc32(body), CHECKSUM_LENGTH);
}

/** Shape and checksum only: no database is involved. */
export function isWellFormedKey(key: string): boolean {
  if (key.length !== KEY_LENGTH || !KEY_PATTERN.test(key)) return false;
  const body = key.slice(0, KEY_LENGTH - CHECKSUM_LENGTH);
  return toBase62(crc32(body), CHECKSUM_LENGTH) === key.slice(KEY_LENGTH - CHECKSUM_LENGTH);
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
  return key.slice(0, 8);
}
