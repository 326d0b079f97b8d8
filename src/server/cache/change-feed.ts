// How the caches (remembered credentials, saved answers) learn that what they hold may
// be out of date. The store tells the feed after each committed write that changes what
// a cache may hold (keys, memberships, roles, users, service accounts, tenants,
// invitations, audit events); bookkeeping writes (a key's last use, a session's last
// request, device cookies) do not. The SQLite feed moves on this process's writes and,
// polled, on another process's commits; the PostgreSQL feed hears every instance's.

export interface ChangeFeed {
  /**
   * A number that moves whenever something a cache holds may have changed, on this
   * instance or another: what was read while it held one value may be reused while it
   * still does. Read on every request, so synchronous and cheap. While the feed cannot
   * be sure it hears every change (e.g. its database connection is lost), it answers a
   * new value at each call, so that nothing is reused.
   */
  stamp(): number;
  /**
   * Called by the store after each such write has committed. Resolves once no instance's
   * caches will answer from what they held before the write (on PostgreSQL: every live
   * instance acknowledged it, or lost its lease), so that a mutation's answer is sent only
   * then: a request that starts after it, on any instance, sees the write.
   */
  changed(): Promise<void>;
  close(): Promise<void>;
}

/** Only this process writes (tests, one-shot tools): the stamp moves on changed() alone. */
export class LocalChangeFeed implements ChangeFeed {
  protected value = 0;

  stamp(): number {
    return this.value;
  }

  changed(): Promise<void> {
    this.value++;
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
