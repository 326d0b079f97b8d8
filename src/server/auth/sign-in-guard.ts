import type { FastifyRequest, FastifyReply } from 'fastify';
import type { ServerConfig } from '../config.js';
import { ApiError, badInput } from '../errors.js';
import { FailureLimiter, type Reservation } from './failure-limiter.js';

/** The longest an email address can be (RFC 5321's path limit, less the angle brackets). */
export const MAX_EMAIL_LENGTH = 254;
const ACCOUNT_WINDOW_MS = 15 * 60_000;

/** The email a sign-in names, normalised; longer than any email can be is refused before it is counted or kept anywhere. */
export function signInEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH) throw badInput('email', 'Enter a valid email address.');
  return email;
}

/**
 * The limits on sign-ins. Each attempt is counted before its password is checked, so a
 * burst cannot have more checks under way than a limit allows.
 *
 * Every attempt counts against its source address (together with failed keys, which
 * span accounts) and against the account. Successes only take back their own attempt:
 * they do not forgive failures, or the owner's sign-ins would hand a guesser a fresh
 * allowance.
 */
export class SignInGuard {
  private readonly perAccount: FailureLimiter;

  constructor(
    config: ServerConfig,
    private readonly perAddress: FailureLimiter,
  ) {
    this.perAccount = new FailureLimiter(config.loginFailuresPerAccount, ACCOUNT_WINDOW_MS, config.limiterMaxKeys);
  }

  /**
   * Checks a sign-in to `email` with `checkPassword`, counting the attempt first;
   * throws RATE_LIMITED instead when a limit is reached.
   */
  async check(request: FastifyRequest, reply: FastifyReply, email: string, _userId: string | null, checkPassword: () => Promise<boolean>): Promise<boolean> {
    const reservations = this.reserve(request, reply, email);
    let ok: boolean;
    try {
      ok = await checkPassword();
    } catch (error) {
      for (const reservation of reservations) reservation.release();
      throw error;
    }
    for (const reservation of reservations) {
      if (ok) reservation.release();
      else reservation.failed();
    }
    return ok;
  }

  private reserve(request: FastifyRequest, reply: FastifyReply, email: string): Reservation[] {
    const now = Date.now();
    const fromAddress = this.perAddress.reserve(request.ip, now);
    const onAccount = fromAddress && this.perAccount.reserve(email, now);
    if (fromAddress && onAccount) return [fromAddress, onAccount];
    fromAddress?.release();
    const retryAfter = Math.max(1, this.perAddress.retryAfter(request.ip, now), this.perAccount.retryAfter(email, now));
    reply.header('Retry-After', String(retryAfter));
    throw new ApiError('RATE_LIMITED', 'Too many failed sign-ins; try again later.', { retry_after: retryAfter });
  }
}
