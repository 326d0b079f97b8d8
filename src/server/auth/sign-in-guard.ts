import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import { ApiError, badInput } from '../errors.js';
import type { Store } from '../store/types.js';
import { DeviceCookies } from './device-cookies.js';
import { memoryLimiters, type AttemptLimiter, type LimiterFactory, type Reservation } from './failure-limiter.js';

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
 * A browser that presents a device cookie this account signed in with before (see
 * DeviceCookies) is limited by that cookie's own count, and nothing else: not by the
 * account's lockout, which anyone who knows the email can cause, nor by its address,
 * which it may share with an attacker. Once the cookie reaches its limit it is
 * forgotten, and the browser counts as any other client from then on.
 *
 * Every other attempt counts against its source address (together with failed keys,
 * which span accounts) and against the account, for all such clients together.
 * Successes only take back their own attempt: they do not forgive failures, or the
 * owner's sign-ins would hand a guesser a fresh allowance.
 */
export class SignInGuard {
  private readonly perAccount: AttemptLimiter;
  private readonly perDevice: AttemptLimiter;
  private readonly devices: DeviceCookies;

  /** The limiters come from `limiters`: in memory by default, shared by every instance on PostgreSQL (shared-failure-limiter.ts). */
  constructor(
    store: Store,
    config: ServerConfig,
    private readonly perAddress: AttemptLimiter,
    limiters: LimiterFactory = memoryLimiters(config.limiterMaxKeys),
  ) {
    this.perAccount = limiters('account', config.loginFailuresPerAccount, ACCOUNT_WINDOW_MS);
    this.perDevice = limiters('device', config.loginFailuresPerAccount, ACCOUNT_WINDOW_MS);
    this.devices = new DeviceCookies(store, config);
  }

  /**
   * Checks a sign-in to `email` (whose account is `userId`, if it exists) with
   * `checkPassword`, counting the attempt first; throws RATE_LIMITED instead when a
   * limit is reached. On success the browser gets a new device cookie for the account.
   */
  async check(request: FastifyRequest, reply: FastifyReply, email: string, userId: string | null, checkPassword: () => Promise<boolean>): Promise<boolean> {
    const token = this.devices.presented(request);
    const device = userId ? await this.devices.find(token, userId) : null;
    const onDevice = device && (await this.perDevice.reserve(device.id));
    const reservations = onDevice ? [onDevice] : await this.reserveAsUntrusted(request, reply, email);
    let ok: boolean;
    try {
      ok = await checkPassword();
    } catch (error) {
      for (const reservation of reservations) reservation.release();
      throw error;
    }
    if (!ok || userId === null) {
      if (device && onDevice) {
        // A device cookie that keeps failing has had its guesses: it is forgotten.
        if (onDevice.failed()) await this.devices.forget(device);
      } else {
        for (const reservation of reservations) reservation.failed();
      }
      return false;
    }
    for (const reservation of reservations) reservation.release();
    await this.devices.renew(reply, token, userId);
    return true;
  }

  /** A browser that just created the account (set-up, an invitation) has signed in to it as surely as with a password. */
  async trustBrowser(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
    await this.devices.renew(reply, this.devices.presented(request), userId);
  }

  private async reserveAsUntrusted(request: FastifyRequest, reply: FastifyReply, email: string): Promise<Reservation[]> {
    const fromAddress = await this.perAddress.reserve(request.ip);
    let onAccount: Reservation | null = null;
    try {
      onAccount = fromAddress && (await this.perAccount.reserve(email));
    } catch (error) {
      fromAddress?.release();
      throw error;
    }
    if (fromAddress && onAccount) return [fromAddress, onAccount];
    fromAddress?.release();
    const now = Date.now();
    const retryAfter = Math.max(1, this.perAddress.retryAfter(request.ip, now), this.perAccount.retryAfter(email, now));
    reply.header('Retry-After', String(retryAfter));
    throw new ApiError('RATE_LIMITED', 'Too many failed sign-ins; try again later.', { retry_after: retryAfter });
  }
}
