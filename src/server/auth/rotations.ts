import type { AuditContext, Store } from '../store/types.js';

/** How often each instance looks for rotations whose overlap is over (an indexed read of the rotations under way). */
const SWEEP_EVERY_MS = 15_000;
const NOBODY = { actorId: null, sourceAddress: null };

/**
 * Ends rotations (rotate_api_key). Authentication refuses an old key past its overlap by
 * itself (the credential carries rotation_ends_at), so nothing waits for the sweep: it
 * revokes such keys, audited, so that lists stop showing them, every 15 s and as soon as
 * one is presented. A successor's first use ends its predecessor before that request goes
 * on (firstUse), so the old key fails from the next request on, on every instance.
 */
export class Rotations {
  private readonly ending = new Map<string, Promise<void>>();
  private sweeping: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: Pick<Store, 'endRotation' | 'endOverlappedRotations'>) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sweep().catch(() => undefined), SWEEP_EVERY_MS).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

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

  /** Revokes the keys whose overlap is over; answers how many. */
  sweep(): Promise<number> {
    this.sweeping ??= this.store.endOverlappedRotations(new Date().toISOString(), NOBODY).finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }
}
