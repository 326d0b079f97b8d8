import type { Resolvers } from '../../generated/graphql.js';
import type { Principal, RequestContext } from '../../context.js';
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import { sessionPublicId } from '../../auth/sessions.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import { checkName, checkPassword } from '../inputs.js';
import { auditContext, requirePrincipal } from '../guards.js';

/** What a person does to their own account, from a browser: a key cannot, so a leaked key cannot take the account over. */
function requireBrowserSession(ctx: RequestContext): Principal & { sessionIdHash: string } {
  const principal = requirePrincipal(ctx);
  if (!principal.sessionIdHash || principal.apiKeyId) throw forbidden('Only a signed-in browser session can do this, not an API key.');
  return principal as Principal & { sessionIdHash: string };
}

/** A first or last name by the shared rule; empty means none. */
function optionalName(field: string, value: string | null | undefined, label: string): string | null {
  if (value == null || value.trim() === '') return null;
  return checkName(field, value, label);
}

export const accountResolvers: Resolvers = {
  Query: {
    my_sessions: async (_root, _args, ctx) => {
      const principal = requireBrowserSession(ctx);
      return (await ctx.sessions.listLive(principal.userId)).map((session) => ({
        id: sessionPublicId(session.id),
        created: session.created,
        last_seen: session.last_seen,
        expires_at: session.expires_at,
        current: session.id === principal.sessionIdHash,
      }));
    },
  },
  Mutation: {
    change_password: async (_root, { input }, ctx) => {
      const principal = requireBrowserSession(ctx);
      const newPassword = checkPassword('new_password', input.new_password);
      const user = await ctx.store.getUser(principal.userId);
      const login = user?.email ? await ctx.store.findLogin(user.email) : null;
      if (!login) throw forbidden('This account has no password.');
      // Counted before the password is checked, as a sign-in is (auth/sign-in-guard.ts): a
      // stolen session cannot be used to guess the password faster than the sign-in form allows.
      const ok = await ctx.signIns.check(ctx.request, ctx.reply, login.user.email!, login.user.id, () =>
        verifyPassword(input.current_password, login.passwordHash),
      );
      if (!ok) throw badInput('current_password', 'The current password is wrong.');
      await ctx.store.changePassword(principal.userId, await hashPassword(newPassword), principal.sessionIdHash, auditContext(ctx));
      return { success: true, error: null };
    },
    delete_session: async (_root, { input }, ctx) => {
      const principal = requireBrowserSession(ctx);
      const sessions = await ctx.store.listSessionsOfUser(principal.userId);
      const session = sessions.find((s) => sessionPublicId(s.id) === input.session_id);
      if (!session) throw notFound('Session');
      if (session.id === principal.sessionIdHash) await ctx.sessions.destroy(ctx.reply, session.id);
      else await ctx.store.deleteSession(session.id);
      return { success: true, error: null };
    },
    delete_other_sessions: async (_root, _args, ctx) => {
      const principal = requireBrowserSession(ctx);
      const deleted = await ctx.store.deleteOtherSessions(principal.userId, principal.sessionIdHash);
      return { success: true, deleted };
    },
    update_user_profile: async (_root, { input }, ctx) => {
      const principal = requireBrowserSession(ctx);
      const firstName = optionalName('first_name', input.first_name, 'First name');
      const lastName = optionalName('last_name', input.last_name, 'Last name');
      return ctx.store.updateUserName(principal.userId, firstName, lastName);
    },
  },
};
