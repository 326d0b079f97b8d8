import { Worker } from 'node:worker_threads';

// Where SQLite's WAL checkpoints run. By default SQLite runs one inside the commit that
// takes the WAL past 1,000 pages: that commit copies the pages into the database file
// and waits for two fsyncs (1-3 ms each on the development VM, 5-50 ms when other work
// shares the disk), and every request queued behind it on the event loop waits too: the
// p99 of create_api_key was that commit. The server's connection instead leaves the
// checkpoints to a thread of its own (checkpoint-worker.mjs), and keeps SQLite's own
// only as the bound on the WAL.

/** SQLite's default wal_autocheckpoint, which the connection returns to if the thread is lost. */
export const IN_COMMIT_CHECKPOINT_PAGES = 1000;
/**
 * With the thread: the commit that takes the WAL past this many pages checkpoints
 * itself (about 160 MB at 4 KB pages). The bound is reached only under writes that never
 * pause for a pass of the thread: a WAL starts over from its beginning once a checkpoint
 * has copied all of it, which the thread does in the first pause. That commit copies what
 * came since the thread's last pass and waits for two fsyncs: at 10,000 pages it came
 * every second or two under ten clients creating keys, and the p99 of those runs was
 * 11 ms against 7-9 ms at 40,000 (measured in alternation).
 */
export const WAL_BOUND_PAGES = 40_000;
/** After the WAL has started over, its file is cut back to this (PRAGMA journal_size_limit), so that a burst does not keep the disk. */
export const WAL_FILE_LIMIT_BYTES = 16 * 1024 * 1024;
/** How often the thread checkpoints: a pass with nothing to copy costs a lock and a header read. */
export const CHECKPOINT_INTERVAL_MS = 100;

/** SQLite's answer to PRAGMA wal_checkpoint: pages in the WAL, and how many of them are in the database file. */
export interface CheckpointReport {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * The checkpoint thread of one database file. Started by the first write (a server that
 * only reads never starts it); stop() ends it, and must come before the server's own
 * connection closes, so that that close, the last, checkpoints the rest and removes the WAL.
 */
export class BackgroundCheckpointer {
  private worker: Worker | null = null;
  private exited: Promise<void> | null = null;
  private stopping = false;
  /** The thread's latest checkpoint, null before its first. */
  last: CheckpointReport | null = null;

  constructor(
    private readonly file: string,
    /** Called if the thread fails or ends by itself: the connection checkpoints in its commits again. */
    private readonly lost: () => void,
  ) {}

  get running(): boolean {
    return this.worker !== null;
  }

  start(): void {
    if (this.worker || this.stopping) return;
    const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
      workerData: { file: this.file, intervalMs: CHECKPOINT_INTERVAL_MS },
    });
    // The thread never keeps the process alive: a process that exits without closing leaves
    // a WAL, which the next open reads as usual.
    worker.unref();
    worker.on('message', (report: CheckpointReport) => (this.last = report));
    worker.on('error', () => undefined);
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.worker = null;
        if (!this.stopping) this.lost();
        resolve();
      }),
    );
    this.worker = worker;
  }

  /** Ends the thread once its checkpoint under way (if any) has finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    // Waited for, so held: an unref'd thread would let a process with nothing else left to
    // do exit here, before the close that comes after (a script's last await, exit code 13).
    this.worker?.ref();
    this.worker?.postMessage('close');
    await this.exited;
  }
}
