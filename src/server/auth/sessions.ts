import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { ServerConfig } from '../config.js';
import type { SessionRecord, Store } from '../store/types.js';

export const SESSION_COOKIE = 'keyplane_session';
const TOUCH_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The id a session is shown and signed out by (my_sessions, delete_session): a UUID made
 * one way from the stored hash, so it gives away neither the cookie's value nor the hash,
 * and sessions signed in before it existed have one too.
 */
export function sessionPublicId(idHash: string): string {
  const bytes = createHash('sha256').update(`keyplane session id\0${idHash}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Browser sessions: a random id in an HttpOnly, SameSite=Strict cookie; only its
 * SHA-256 is stored. Sessions end after an idle period and an absolute lifetime.
 */
export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly config: ServerConfig,
  ) {}

  async create(reply: FastifyReply, userId: string): Promise<{ expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionMaxHours * 3_600_000).toISOString();
    await this.store.createSession({ idHash: hashToken(token), userId, expiresAt });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      maxAge: this.config.sessionMaxHours * 3600,
    });
    return { expiresAt };
  }

  /** The live session for a cookie value, or null (expired sessions are deleted). */
  async resolve(token: string): Promise<{ userId: string; idHash: string } | null> {
    const idHash = hashToken(token);
    const session = await this.store.findSession(idHash);
    if (!session) return null;
    const now = Date.now();
    if (!this.isLive(session, now)) {
      await this.store.deleteSession(idHash);
      return null;
    }
    if (now - Date.parse(session.last_seen) >= TOUCH_INTERVAL_MS) await this.store.touchSession(idHash, new Date(now).toISOString());
    return { userId: session.user_id, idHash };
  }

  /** A user's sessions that have neither passed their lifetime nor been idle too long, newest first. */
  async listLive(userId: string): Promise<SessionRecord[]> {
    const now = Date.now();
    return (await this.store.listSessionsOfUser(userId)).filter((session) => this.isLive(session, now));
  }

  private isLive(session: SessionRecord, now: number): boolean {
    const idleLimit = Date.parse(session.last_seen) + this.config.sessionIdleMinutes * 60_000;
    return now < Date.parse(session.expires_at) && now < idleLimit;
  }

  async destroy(reply: FastifyReply, idHash: string | null): Promise<void> {
    if (idHash) await this.store.deleteSession(idHash);
    this.clearCookie(reply);
  }

  clearCookie(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: this.config.secureCookies });
  }
}
