import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { DeviceCookieRecord, Store } from '../store/types.js';

export const DEVICE_COOKIE = 'keyplane_device';
const LIFETIME_DAYS = 365;
/** Browsers remembered per account; past this the ones used longest ago are forgotten. */
const KEEP_PER_USER = 20;
/** 32 random bytes in base64url: anything else is not one of ours and is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a
 * random token that a browser gets when it signs in to an account, so that its later
 * sign-ins to that account are told apart from everyone else's.
 *
 * Stored as rows (SHA-256 of the token, user) rather than as a signed cookie: a row
 * can be deleted on its own (the cookie that keeps failing), with its user (ON DELETE
 * CASCADE) or by a password change, there is no signing secret to keep and rotate, and
 * reading the database yields no usable cookie.
 */
export class DeviceCookies {
  constructor(
    private readonly store: Store,
    private readonly config: ServerConfig,
  ) {}

  /** The token the request presents, when it has the shape of one. */
  presented(request: FastifyRequest): string | null {
    const header = request.headers.cookie;
    const token = header ? request.server.parseCookie(header)[DEVICE_COOKIE] : undefined;
    return token && TOKEN_SHAPE.test(token) ? token : null;
  }

  /** The browser's row for this account, when the token is one this account signed in with and it has not expired. */
  find(token: string | null, userId: string): Promise<DeviceCookieRecord | null> {
    return token ? this.store.findDeviceCookie(hashToken(token), userId) : Promise.resolve(null);
  }

  /**
   * After a successful sign-in: a new token for the browser, which keeps the accounts
   * the old one was trusted for and adds this one. A new token each time means a token
   * planted in the browser by someone else stops working once its owner signs in.
   */
  async renew(reply: FastifyReply, previousToken: string | null, userId: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    await this.store.renewDeviceCookie({
      previousTokenHash: previousToken ? hashToken(previousToken) : null,
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + LIFETIME_DAYS * 86_400_000).toISOString(),
      keepPerUser: KEEP_PER_USER,
    });
    reply.setCookie(DEVICE_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      maxAge: LIFETIME_DAYS * 86_400,
    });
  }

  /** The browser is no longer trusted for this account. */
  forget(device: DeviceCookieRecord): Promise<void> {
    return this.store.deleteDeviceCookie(device.id);
  }
}
