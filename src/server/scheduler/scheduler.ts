import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/types.js';

/** What a run did, logged with the job's name and duration (keys warned, revoked, ...). */
export type JobCounts = Record<string, number>;

export interface Job {
  /** The lease's name, one per job across every instance. */
  name: string;
  periodMs: number;
  /** One bounded run at `now`; what is left over waits for the next. */
  run(now: Date): Promise<JobCounts | void>;
}

export interface SchedulerOptions {
  store: Pick<Store, 'takeJobLease'>;
  log: FastifyBaseLogger;
  /** The clock jobs and leases read; tests move it instead of waiting. */
  now?: () => Date;
  /** How often the one timer looks for due jobs. */
  tickMs?: number;
}

/** The timer's step: a job runs at most this late after its period (the shortest period is 15 s). */
const TICK_MS = 5_000;

/**
 * One timer per server, running named jobs each on its own period. Instances that share
 * a database take each job's lease (job_lease) for one period before running it, so one
 * of them runs each job per period; an instance that did not get it tries again next
 * period. A job that throws is logged and runs again next period.
 */
export class Scheduler {
  readonly instanceId = randomUUID();
  readonly now: () => Date;
  private readonly jobs: { job: Job; dueAt: number }[] = [];
  private readonly tickMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string[]> | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? (() => new Date());
    this.tickMs = options.tickMs ?? TICK_MS;
  }

  /** Adds a job, due at once. */
  add(job: Job): this {
    this.jobs.push({ job, dueAt: -Infinity });
    return this;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.tickMs).unref();
  }

  /** Stops the timer and waits for a run under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs the jobs that are due, one after another; a tick while one is under way waits for it. */
  tick(): Promise<string[]> {
    const running = (this.running ??= this.runDue().finally(() => {
      this.running = null;
    }));
    return running;
  }

  /** Each due job whose lease this instance takes, in the order they were added. Answers the names of those that ran. */
  async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const entry of this.jobs) {
      const now = this.now();
      if (now.getTime() < entry.dueAt) continue;
      entry.dueAt = now.getTime() + entry.job.periodMs;
      const log = this.options.log.child({ job: entry.job.name });
      try {
        const until = new Date(now.getTime() + entry.job.periodMs).toISOString();
        if (!(await this.options.store.takeJobLease(entry.job.name, this.instanceId, now.toISOString(), until))) continue;
        const started = performance.now();
        const counts = await entry.job.run(now);
        ran.push(entry.job.name);
        // A quiet run (nothing to do, every 15 s for rotations) at debug; one that changed something at info.
        const level = Object.values(counts ?? {}).some((count) => count > 0) ? 'info' : 'debug';
        log[level]({ duration_ms: Math.round(performance.now() - started), ...counts }, 'scheduled job ran');
      } catch (error) {
        log.error({ err: error }, 'scheduled job failed');
      }
    }
    return ran;
  }
}
