import type { CanaryTrip, Store } from '../store/types.js';

/** A User-Agent is the client's to choose: kept short and printable, as evidence rather than as data to trust. */
const USER_AGENT_MAX = 200;

export function cleanUserAgent(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const printable = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  return printable ? printable.slice(0, USER_AGENT_MAX) : null;
}

/**
 * Watches refused keys for canaries. A canary is not an API key (it has no api_key row),
 * so authentication refuses it exactly as it refuses an unknown or revoked key, with the
 * same answer; this then looks the refused key up among the canaries, after the answer
 * has been sent, so that neither the answer nor its timing tells a canary apart.
 *
 * `raise` is the one place a tripped canary is announced beyond its audit event (the
 * server's log now; tenant notifications can hook in here). It is called for each use that
 * raised an alert: the first, then at most one an hour per canary (SqlStore).
 */
export class CanaryAlarm {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: Pick<Store, 'recordCanaryUse'>,
    private readonly raise: (trip: CanaryTrip) => void,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** A well-formed key that is no API key was refused: record it if it is a canary. Never throws. */
  refused(keyHash: string, sourceAddress: string | null, userAgent: string | null): void {
    const recording = this.store
      .recordCanaryUse(keyHash, { at: new Date().toISOString(), sourceAddress, userAgent })
      .then((trip) => {
        if (trip?.alerted) this.raise(trip);
      })
      .catch(this.failed)
      .finally(() => this.pending.delete(recording));
    this.pending.add(recording);
  }

  /** Resolves once every use noted so far is recorded: before the store closes, and for tests. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }
}
