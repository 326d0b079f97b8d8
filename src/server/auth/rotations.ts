import type { Job } from '../scheduler/scheduler.js';
import type { AuditContext, Store } from '../store/types.js';

/** How often the scheduler looks for rotations whose overlap is over (an indexed read of the rotations under way). */
export const SWEEP_EVERY_MS = 15_000;
const NOBODY = { actorId: null, sourceAddress: null };

/**
 * Ends rotations (rotate_api_key). Authentication refuses an old key past its overlap by
 * itself (the credential carries rotation_ends_at), so nothing waits for the sweep: it
 * revokes such keys, audited, so that lists stop showing them, every 15 s (a scheduler
 * job, rotationSweepJob) and as soon as one is presented. A successor's first use ends its predecessor before that request goes
 * on (firstUse), so the old key fails from the next request on, on every instance.
 */
export class Rotations {
  private readonly ending = new Map<string, Promise<void>>();
  private sweeping: Promise<number> | null = null;

  constructor(private readonly store: Pick<Store, 'endRotation' | 'endOverlappedRotations'>) {}

  /** The successor of `predecessorId` authenticated: the predecessor ends (once, however many requests race). */
  firstUse(predecessorId: string, audit: AuditContext): Promise<void> {
    let ending = this.ending.get(predecessorId);
    if (!ending) {
      ending = this.store.endRotation(predecessorId, 'rotation_first_use', audit).then(
        () => void this.ending.delete(predecessorId),
        (error: unknown) => {
          this.ending.delete(predecessorId);
          throw error;
        },
      );
      this.ending.set(predecessorId, ending);
    }
    return ending;
  }

  /** Revokes the keys whose overlap is over at `at`; answers how many. */
  sweep(at = new Date()): Promise<number> {
    this.sweeping ??= this.store.endOverlappedRotations(at.toISOString(), NOBODY).finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }
}

/** The sweep as a scheduler job, every 15 s. */
export function rotationSweepJob(rotations: Rotations): Job {
  return { name: 'rotations', periodMs: SWEEP_EVERY_MS, run: async (now) => ({ ended: await rotations.sweep(now) }) };
}
