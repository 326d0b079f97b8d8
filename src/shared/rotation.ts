// How long a rotated key keeps working beside its successor, shared by the rotate dialog,
// the CLI and the API. Pure: no Node, DOM or React imports.

/** A day: long enough for a deploy to pick up the new key, short enough not to forget the old one. */
export const DEFAULT_OVERLAP_SECONDS = 24 * 3600;
/** Thirty days: past that an old key is no longer being rotated, it is a second key. */
export const MAX_OVERLAP_SECONDS = 30 * 24 * 3600;

export type OverlapCheck = { ok: true; seconds: number } | { ok: false; message: string };

/** An overlap in whole seconds, 0 (the old key ends at once) to 30 days; absent: a day. */
export function checkOverlap(value: number | null | undefined): OverlapCheck {
  if (value === null || value === undefined) return { ok: true, seconds: DEFAULT_OVERLAP_SECONDS };
  if (!Number.isInteger(value) || value < 0 || value > MAX_OVERLAP_SECONDS) {
    return { ok: false, message: `The overlap is a whole number of seconds from 0 (end the old key at once) to ${MAX_OVERLAP_SECONDS} (30 days).` };
  }
  return { ok: true, seconds: value };
}
