import type { KeyCredential, Store } from '../store/types.js';
import type { ChangeFeed } from './change-feed.js';

/** Distinct keys remembered between changes; past this the memo starts over. */
const CREDENTIAL_CACHE_SIZE = 10_000;

/**
 * What authenticating a key read, by key hash, kept while the change feed's stamp holds
 * still. Every API request asks, so a hit is a map lookup instead of a three-table read;
 * a revocation, a role change or a member removed moves the stamp before its answer is
 * sent, so a revoked key still fails on the very next request.
 */
export class CredentialCache {
  private credentials = new Map<string, KeyCredential | null>();
  private credentialsStamp = -1;

  constructor(
    private readonly store: Pick<Store, 'findKeyCredential' | 'findKeyCredentialNow'>,
    private readonly changes: ChangeFeed,
  ) {}

  /** What find would answer, when it is known without reading (undefined otherwise). */
  remembered(keyHash: string): KeyCredential | null | undefined {
    const stamp = this.changes.stamp();
    if (stamp !== this.credentialsStamp) {
      this.credentials = new Map();
      this.credentialsStamp = stamp;
    }
    return this.credentials.get(keyHash);
  }

  /**
   * What find would answer, read at once when the store can answer synchronously (SQLite
   * with no transaction open), and remembered; undefined when it cannot.
   */
  findNow(keyHash: string): KeyCredential | null | undefined {
    const remembered = this.remembered(keyHash);
    if (remembered !== undefined) return remembered;
    const credential = this.store.findKeyCredentialNow?.(keyHash);
    // Nothing can have moved the stamp during a synchronous read.
    if (credential !== undefined) this.remember(keyHash, credential);
    return credential;
  }

  async find(keyHash: string): Promise<KeyCredential | null> {
    const remembered = this.remembered(keyHash);
    if (remembered !== undefined) return remembered;
    const stamp = this.credentialsStamp;
    const credential = await this.store.findKeyCredential(keyHash);
    // A change while the read was under way: what it read may be from before the change.
    if (this.changes.stamp() === stamp && this.credentialsStamp === stamp) this.remember(keyHash, credential);
    return credential;
  }

  private remember(keyHash: string, credential: KeyCredential | null): void {
    if (this.credentials.size >= CREDENTIAL_CACHE_SIZE) this.credentials.clear();
    this.credentials.set(keyHash, credential);
  }
}
