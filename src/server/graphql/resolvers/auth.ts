import type { Resolvers } from '../../generated/graphql.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../auth/passwords.js';
import { badInput } from '../../errors.js';
import { checkEmail, checkName, checkPassword, checkUsername, ROLE_NAMES, slugify } from '../inputs.js';
import { auditContext, permissionsOf, requirePrincipal } from '../guards.js';
import { signInEmail } from '../../auth/sign-in-guard.js';

const WRONG_LOGIN = 'Wrong email or password.';

export const authResolvers: Resolvers = {
  Query: {
    auth_info: (_root, _args, ctx) => {
      const principal = requirePrincipal(ctx);
      if (ctx.tenantDenied) return { ...principal, tenantId: null, role: null };
      return principal;
    },
    user: async (_root, _args, ctx) => {
      const principal = requirePrincipal(ctx);
      const user = await ctx.store.getUser(principal.userId);
      return user ? [user] : [];
    },
    setup_required: async (_root, _args, ctx) => (await ctx.store.countHumanUsers()) === 0,
  },
  auth_info: {
    user_id: (p) => p.userId,
    tenant_id: (p) => p.tenantId,
    role: (p) => p.role,
    role_id: (p) => p.role,
    license: () => null,
    permissions: (p) => permissionsOf(p),
    api_key_id: (p) => p.apiKeyId,
    user: (p) => ({ id: p.userId, username: p.username, account_type: p.accountType }),
    // tenant: a loader (graphql/loaders.ts)
  },
  user: {
    settings: () => ({}),
    memberships: async (user, _args, ctx) => {
      const memberships = await ctx.store.listMembershipsOfUser(user.id);
      const principal = ctx.principal;
      // A key acts in its own tenant only, so it sees its owner's membership there alone.
      return principal?.apiKeyId ? memberships.filter((m) => m.tenant_id === principal.tenantId) : memberships;
    },
  },
  membership: {
    // tenant: a loader (graphql/loaders.ts)
    role_detail: (membership) => ({ id: membership.role, name: ROLE_NAMES[membership.role] }),
  },
  Mutation: {
    bootstrap: async (_root, { input }, ctx) => {
      const email = checkEmail('email', input.email);
      const username = checkUsername('username', input.username);
      const password = checkPassword('password', input.password);
      const tenantName = checkName('tenant_name', input.tenant_name, 'Tenant name');
      if ((await ctx.store.countHumanUsers()) > 0) throw badInput('email', 'Keyplane is already set up; sign in instead.');
      const passwordHash = await hashPassword(password);
      const { user, tenant } = await ctx.store.bootstrap({ email, username, passwordHash, tenantName, tenantSlug: slugify(tenantName) }, auditContext(ctx));
      await ctx.sessions.create(ctx.reply, user.id);
      await ctx.signIns.trustBrowser(ctx.request, ctx.reply, user.id);
      return { user_id: user.id, tenant_id: tenant.id, tenant_slug: tenant.slug };
    },
    log_in: async (_root, { input }, ctx) => {
      const email = signInEmail(input.email);
      const login = await ctx.store.findLogin(email);
      // Counted before the password is checked; a success also gets the browser a device cookie (auth/sign-in-guard.ts).
      const ok = await ctx.signIns.check(ctx.request, ctx.reply, email, login?.user.id ?? null, () =>
        login ? verifyPassword(input.password, login.passwordHash) : verifyAgainstDummy(input.password),
      );
      if (!login || !ok) {
        // Each tenant of a known account sees the attempt in its audit log; attempts on
        // unknown emails are kept for operators only (tenant_id null).
        const tenantIds = login ? (await ctx.store.listMembershipsOfUser(login.user.id)).map((m) => m.tenant_id) : [];
        for (const tenantId of tenantIds.length > 0 ? tenantIds : [null]) {
          await ctx.store.recordAudit({
            action: 'auth.log_in_failed',
            actor_id: login?.user.id ?? null,
            tenant_id: tenantId,
            target_type: 'user',
            target_id: login?.user.id ?? null,
            target_name: email.slice(0, 254),
            source_address: ctx.request.ip,
          });
        }
        throw badInput('password', WRONG_LOGIN);
      }
      // A new session id at every sign-in; the old session, if any, ends.
      if (ctx.principal?.sessionIdHash) await ctx.store.deleteSession(ctx.principal.sessionIdHash);
      const { expiresAt } = await ctx.sessions.create(ctx.reply, login.user.id);
      return { user_id: login.user.id, expires_at: expiresAt };
    },
    log_out: async (_root, _args, ctx) => {
      await ctx.sessions.destroy(ctx.reply, ctx.principal?.sessionIdHash ?? null);
      return { success: true, error: null };
    },
  },
};
