import type { FastifyReply } from 'fastify';
import { ApiError } from '../errors.js';
import type { AttemptLimiter } from './failure-limiter.js';

/**
 * The limit on looking keys up ("Whose key is this?", revoke_api_key_as_leaked): a
 * lookup that finds nothing is a guess at a key, and counts against the caller as a
 * failed authentication counts against an address, in a one-minute window of the same
 * size (KEYPLANE_AUTH_FAILURES_PER_MINUTE). Like the other limits, each attempt is
 * counted before the store is asked, so a burst cannot have more lookups under way than
 * the limit allows; one that finds a key takes its attempt back.
 */
export class KeyLookupGuard {
  constructor(private readonly perCaller: AttemptLimiter) {}

  /** Runs `find` for `callerId`, counted first; throws RATE_LIMITED (429, Retry-After) instead when the caller is at the limit. */
  async check<T>(reply: FastifyReply, callerId: string, find: () => Promise<T>, found: (result: T) => boolean): Promise<T> {
    const reservation = await this.perCaller.reserve(callerId);
    if (!reservation) {
      const retryAfter = Math.max(1, this.perCaller.retryAfter(callerId));
      reply.header('Retry-After', String(retryAfter));
      throw new ApiError('RATE_LIMITED', `Too many lookups of keys that were not found; try again in ${retryAfter} seconds.`, { retry_after: retryAfter });
    }
    let result: T;
    try {
      result = await find();
    } catch (error) {
      reservation.release();
      throw error;
    }
    if (found(result)) reservation.release();
    else reservation.failed();
    return result;
  }
}
