import type { Store } from '../store/types.js';
import { ThrottledWrites, WRITE_INTERVAL_MS, type ThrottledWriteEvents } from './throttled-writes.js';

interface KeyUse {
  at: string;
  /** The request's source address, when it had one. */
  address?: string;
}

/**
 * Keeps last_used_at without a write per request: a use is recorded only when the
 * stored value is more than a minute old, and recorded uses are written in one batch a
 * second later (ThrottledWrites), each with the source address of the use recorded (what
 * "Whose key is this?" shows as the last address). The credential a request sees may be
 * remembered from before this process's last write of it (writing uses does not make
 * caches forget), so a key written within the minute is not noted again either.
 */
export class KeyUsage {
  private readonly writes: ThrottledWrites<KeyUse>;

  constructor(store: Pick<Store, 'touchApiKeys'>, events: ThrottledWriteEvents = {}) {
    this.writes = new ThrottledWrites((uses) => {
      const addresses = new Map<string, string>();
      for (const [keyId, use] of uses) if (use.address) addresses.set(keyId, use.address);
      return store.touchApiKeys(new Map([...uses].map(([keyId, use]) => [keyId, use.at])), addresses);
    }, events);
  }

  note(keyId: string, storedLastUsedAt: string | null, now: number, address?: string): void {
    if (storedLastUsedAt && now - Date.parse(storedLastUsedAt) < WRITE_INTERVAL_MS) return;
    this.writes.add(keyId, { at: new Date(now).toISOString(), address }, now);
  }

  flush(): Promise<void> {
    return this.writes.flush();
  }

  /** Writes what is pending and stops recording: called before the store closes. */
  close(): Promise<void> {
    return this.writes.close();
  }
}
