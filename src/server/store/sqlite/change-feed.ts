import { LocalChangeFeed } from '../../cache/change-feed.js';
import type { SqliteDriver } from './driver.js';

/** How long a commit by another connection may go unnoticed (see SqliteChangeFeed.stamp). */
export const OTHER_WRITERS_CHECK_MS = 20;

/**
 * The store's own writes move the stamp at once (changed()). A commit by another
 * connection (another process, the sqlite3 shell) moves SQLite's data_version, which
 * is read at most every OTHER_WRITERS_CHECK_MS: reading it starts a read transaction,
 * about the cost of a small query, and the stamp is read on every request.
 */
export class SqliteChangeFeed extends LocalChangeFeed {
  private lastDataVersion = 0;
  private dataVersionReadAt = -Infinity;

  constructor(private readonly driver: SqliteDriver) {
    super();
  }

  override stamp(): number {
    const at = performance.now();
    if (at - this.dataVersionReadAt >= OTHER_WRITERS_CHECK_MS) {
      this.dataVersionReadAt = at;
      const dataVersion = this.driver.dataVersion();
      if (dataVersion !== this.lastDataVersion) {
        this.lastDataVersion = dataVersion;
        this.value++;
      }
    }
    return this.value;
  }
}
