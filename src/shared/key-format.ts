// The key format (DESIGN.md), shared by the API, which refuses a mistyped key before any
// database access, and the browser, which says so while the key is being pasted. Pure:
// no Node, DOM or React.
//
// A key is a prefix (kpu_ for a user, kps_ for a service account), 30 random base62
// characters and 6 base62 characters of CRC32 (IEEE, zlib's) over prefix + random part:
// 40 characters. Its hint, what lists show, is the prefix and the first 4 random ones.

export const USER_KEY_PREFIX = 'kpu_';
export const SERVICE_KEY_PREFIX = 'kps_';
export type KeyPrefix = typeof USER_KEY_PREFIX | typeof SERVICE_KEY_PREFIX;

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
export const KEY_LENGTH = 4 + RANDOM_LENGTH + CHECKSUM_LENGTH;
export const HINT_LENGTH = 8;
const KEY_PATTERN = /^kp[us]_[0-9A-Za-z]{36}$/;
/** The start of a key, as logs and screens cut it: the prefix and at least the hint's four characters. */
const KEY_START = /^kp[us]_[0-9A-Za-z]{4,35}$/;

// The CRC-32 table, computed once: 1 KB, and the browser has no CRC32 of its own.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of an ASCII string (a key's characters are all ASCII). */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function toBase62(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/** The 6 checksum characters that end a key with this prefix and random part. */
export function keyChecksum(body: string): string {
  return toBase62(crc32(body), CHECKSUM_LENGTH);
}

/** Shape and checksum only: no database is involved. */
export function isWellFormedKey(key: string): boolean {
  if (key.length !== KEY_LENGTH || !KEY_PATTERN.test(key)) return false;
  return keyChecksum(key.slice(0, KEY_LENGTH - CHECKSUM_LENGTH)) === key.slice(KEY_LENGTH - CHECKSUM_LENGTH);
}

export const MISTYPED_KEY_MESSAGE =
  'This key is mistyped: its last 6 characters (the checksum) do not match the rest. Copy it again, whole, from where it was found.';
export const NOT_A_KEY_MESSAGE = 'Paste a whole key (40 characters, kpu_… or kps_…) or its hint, such as kps_igpm… (the first 8 characters).';

/** What a pasted text is: a whole key whose checksum holds, the hint of one, or a problem to show. */
export type KeyTextCheck =
  | { kind: 'empty' }
  | { kind: 'key'; key: string; hint: string }
  | { kind: 'hint'; hint: string }
  | { kind: 'mistyped'; message: string }
  | { kind: 'invalid'; message: string };

/**
 * Reads what an administrator pasted from a log or a repository: surrounding spaces and
 * quotes and a trailing ellipsis ("kps_igpm…", "kps_igpm...") are dropped. A 40-character
 * key of the right shape whose checksum fails is mistyped; a shorter start of a key is
 * its hint (the first 8 characters, all that is stored besides the hash).
 */
export function checkKeyText(raw: string): KeyTextCheck {
  const text = raw
    .trim()
    .replace(/^["'`]+|["'`]+$/g, '')
    .replace(/(?:…|\.{3})$/, '')
    .trim();
  if (text === '') return { kind: 'empty' };
  if (KEY_PATTERN.test(text)) {
    return isWellFormedKey(text) ? { kind: 'key', key: text, hint: text.slice(0, HINT_LENGTH) } : { kind: 'mistyped', message: MISTYPED_KEY_MESSAGE };
  }
  if (KEY_START.test(text)) return { kind: 'hint', hint: text.slice(0, HINT_LENGTH) };
  return { kind: 'invalid', message: NOT_A_KEY_MESSAGE };
}

/** Where a leaked key was found (a URL, "CI log"): free text for the audit log, this long at most. */
export const MAX_FOUND_AT_LENGTH = 500;
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const ANY_KEY = /kp[us]_[0-9A-Za-z]{36}/;

export type FoundAtCheck = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * Where a key was found, trimmed; empty is none. The audit log keeps it, so it may not
 * carry a key (someone pasting the key itself, or the line around it, into this field).
 */
export function checkFoundAtText(raw: string | null | undefined): FoundAtCheck {
  const value = (raw ?? '').trim();
  if (value === '') return { ok: true, value: null };
  if ([...value].length > MAX_FOUND_AT_LENGTH) return { ok: false, message: `Say where it was found in at most ${MAX_FOUND_AT_LENGTH} characters.` };
  if (CONTROL.test(value)) return { ok: false, message: 'Where it was found must be one line of text, without control characters.' };
  if (ANY_KEY.test(value)) return { ok: false, message: 'Where it was found must not contain the key itself: give the address or the name of the place.' };
  return { ok: true, value };
}
