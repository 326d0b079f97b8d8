import type { Driver, Queryable } from './driver.js';

// Group commit: writes that arrive together share one transaction. On SQLite each commit
// appends every page it changed to the WAL (a key creation changes about 14: the key's
// row and its indexes, its owner's count, the audit row and its indexes), and the creations
// of one moment change mostly the same pages, the last leaf of each index; ten in one
// transaction write a few more pages than one does. Each write keeps its own outcome:
// it runs under a savepoint of its own, so that one that fails (a limit, a constraint)
// is undone alone and fails its own request with its own error. None is answered before
// the commit that holds it has returned and the change has been announced.

/** Writes one transaction takes at most; the rest wait for the next. */
export const MAX_GROUPED_WRITES = 32;

interface Pending {
  work: (tx: Queryable) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class GroupCommit {
  private queue: Pending[] = [];
  /** A turn of the event loop has been asked for, or a group's transaction is under way. */
  private busy = false;

  constructor(
    private readonly driver: Driver,
    /** Told once per group that committed a write (the store's ChangeFeed.changed). */
    private readonly announce: () => Promise<void>,
  ) {}

  /**
   * Runs work in the next group's transaction; resolves with its answer once that
   * transaction has committed and been announced. Like Driver.transaction's function,
   * work queries through its tx only and has no effect outside the database: it may run
   * again, in a later group, if another write's failure ends the whole transaction.
   */
  run<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * The group starts after the requests that are readable now have been read: requests
   * reach here from socket callbacks of one event-loop turn, and setImmediate runs after
   * them. Alone, a write waits no more than that turn.
   */
  private schedule(): void {
    if (this.busy || this.queue.length === 0) return;
    this.busy = true;
    setImmediate(() => void this.commitGroup());
  }

  private async commitGroup(): Promise<void> {
    const group = this.queue.splice(0, MAX_GROUPED_WRITES);
    try {
      await this.commit(group);
    } finally {
      this.busy = false;
      this.schedule();
    }
  }

  private async commit(group: Pending[]): Promise<void> {
    const outcomes: Outcome[] = [];
    /** The write whose failure could not be undone alone: the transaction ended with it. */
    let fatal = -1;
    try {
      await this.driver.transaction(async (tx) => {
        for (const [i, pending] of group.entries()) {
          await tx.run('SAVEPOINT grouped_write');
          try {
            const value = await pending.work(tx);
            await tx.run('RELEASE grouped_write');
            outcomes[i] = { ok: true, value };
          } catch (error) {
            outcomes[i] = { ok: false, error };
            if (!(await undone(tx))) {
              fatal = i;
              throw error;
            }
          }
        }
      });
    } catch (error) {
      if (fatal >= 0) {
        // The writes that had succeeded were rolled back with it, and the rest never ran: they run again, first.
        const again: Pending[] = [];
        for (const [i, pending] of group.entries()) {
          if (i === fatal) pending.reject(error);
          else if (outcomes[i]?.ok === false) pending.reject(outcomes[i].error);
          else again.push(pending);
        }
        this.queue.unshift(...again);
      } else {
        // BEGIN or COMMIT failed: no write of the group is in the database.
        for (const [i, pending] of group.entries()) pending.reject(outcomes[i]?.ok === false ? outcomes[i].error : error);
      }
      return;
    }
    try {
      if (outcomes.some((outcome) => outcome.ok)) await this.announce();
    } catch (error) {
      for (const [i, pending] of group.entries()) pending.reject(outcomes[i].ok ? error : outcomes[i].error);
      return;
    }
    for (const [i, pending] of group.entries()) {
      const outcome = outcomes[i];
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    }
  }
}

/** Undoes the write under way to its savepoint; false if the database had ended the whole transaction. */
async function undone(tx: Queryable): Promise<boolean> {
  try {
    await tx.run('ROLLBACK TO grouped_write');
    await tx.run('RELEASE grouped_write');
    return true;
  } catch {
    return false;
  }
}
