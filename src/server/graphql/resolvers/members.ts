import { createHash, randomBytes } from 'node:crypto';
import type { Resolvers } from '../../generated/graphql.js';
import { hashPassword } from '../../auth/passwords.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import { checkEmail, checkPassword, checkRole, checkUsername, ROLE_NAMES } from '../inputs.js';
import { listPage } from '../paging.js';
import { auditContext, requireAdmin, requireCurrentTenant, requireRoleIn } from '../guards.js';
import type { InvitationRecord, MemberRow, Role } from '../../store/types.js';

const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function invitationStatus(invitation: InvitationRecord): 'VALID' | 'EXPIRED' | 'USED' | 'REVOKED' {
  if (invitation.accepted_at) return 'USED';
  if (invitation.revoked_at) return 'REVOKED';
  if (Date.parse(invitation.expires_at) <= Date.now()) return 'EXPIRED';
  return 'VALID';
}

const INVITATION_PROBLEMS = {
  USED: 'This invitation has already been used.',
  REVOKED: 'This invitation has been revoked.',
  EXPIRED: 'This invitation has expired; ask an administrator for a new one.',
} as const;

/** Key counts are key metadata: service accounts' for administrators only. */
const withVisibleKeyCount = (members: MemberRow[], role: Role) =>
  members.map((member) => ({ ...member, api_key_count: role === 'TENANT_ADMIN' ? member.api_key_count : -1 }));

export const memberResolvers: Resolvers = {
  Query: {
    user_view_same_tenant: async (_root, args, ctx) => {
      const { tenantId, role } = requireCurrentTenant(ctx);
      return withVisibleKeyCount(await listPage(args, (page) => ctx.store.listMembers(tenantId, page)), role);
    },
    // A member (person or service account) of the current tenant, else null, as the list would show it.
    user_view_same_tenant_by_pk: async (_root, { id }, ctx) => {
      const { tenantId, role } = requireCurrentTenant(ctx);
      return withVisibleKeyCount(await ctx.store.listMembers(tenantId, { where: { id: { _eq: id } }, limit: 1, offset: 0 }), role)[0] ?? null;
    },
    user_view_same_tenant_aggregate: async (_root, args, ctx) => {
      const { tenantId } = requireCurrentTenant(ctx);
      return { aggregate: { count: await ctx.store.countMembers(tenantId, args.where) } };
    },
    membership_invitation: async (_root, args, ctx) => {
      const { tenantId, role } = requireCurrentTenant(ctx);
      requireAdmin(role, 'Only tenant administrators can see invitations.');
      return listPage(args, (page) => ctx.store.listPendingInvitations(tenantId, page.limit, page.offset));
    },
    invitation_preview: async (_root, { token }, ctx) => {
      const invitation = await ctx.store.findInvitationByToken(hashToken(token));
      if (!invitation) return null;
      const tenant = await ctx.store.getTenant(invitation.tenant_id);
      return {
        tenant_name: tenant?.name ?? '',
        email: invitation.email,
        role: invitation.role,
        role_detail: { id: invitation.role, name: ROLE_NAMES[invitation.role] },
        status: invitationStatus(invitation),
      };
    },
  },
  user_view_same_tenant: {
    memberships: (member) => [member.membership],
    api_key_count: (member) => (member.account_type === 'SERVICE' && member.api_key_count >= 0 ? member.api_key_count : null),
  },
  membership_invitation: {
    role_detail: (invitation) => ({ id: invitation.role, name: ROLE_NAMES[invitation.role] }),
    // invited_by: a loader (graphql/loaders.ts)
  },
  Mutation: {
    set_membership_role: async (_root, { input }, ctx) => {
      const role = checkRole('role', input.role);
      const membership = await ctx.store.getMembership(input.membership_id);
      if (!membership) throw notFound('Membership');
      const callerRole = await requireRoleIn(ctx, membership.tenant_id, 'Membership');
      requireAdmin(callerRole, 'Only tenant administrators can change roles.');
      const updated = await ctx.store.setMembershipRole(membership.id, role, auditContext(ctx));
      return { id: updated.id };
    },
    delete_membership: async (_root, { input }, ctx) => {
      const membership = await ctx.store.getMembership(input.membership_id);
      if (!membership) throw notFound('Membership');
      const callerRole = await requireRoleIn(ctx, membership.tenant_id, 'Membership');
      const leaving = membership.user_id === ctx.principal!.userId;
      if (!leaving) requireAdmin(callerRole, 'Only tenant administrators can remove members.');
      const member = await ctx.store.getUser(membership.user_id);
      if (member?.account_type === 'SERVICE') throw badInput('membership_id', 'Remove a service account with delete_service_account.');
      await ctx.store.deleteMembership(membership.id, auditContext(ctx));
      return { success: true, error: null };
    },
    create_membership_invitation: async (_root, { input }, ctx) => {
      const email = checkEmail('email', input.email);
      const role = checkRole('role', input.role);
      const callerRole = await requireRoleIn(ctx, input.tenant_id, 'Tenant');
      requireAdmin(callerRole, 'Only tenant administrators can invite members.');
      const existing = await ctx.store.findUserByEmail(email);
      if (existing && (await ctx.store.findMembership(existing.id, input.tenant_id))) {
        throw badInput('email', 'This person is already a member of the tenant.');
      }
      const token = randomBytes(24).toString('base64url');
      const invitation = await ctx.store.createInvitation(
        {
          tenantId: input.tenant_id,
          email,
          role,
          tokenHash: hashToken(token),
          invitedById: ctx.principal!.userId,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString(),
        },
        auditContext(ctx),
      );
      return { id: invitation.id, token };
    },
    delete_membership_invitation: async (_root, { input }, ctx) => {
      const invitation = await ctx.store.getInvitation(input.invitation_id);
      if (!invitation) throw notFound('Invitation');
      // Only administrators see invitations: to anyone else an existing id answers as a made-up one does.
      if ((await requireRoleIn(ctx, invitation.tenant_id, 'Invitation')) !== 'TENANT_ADMIN') throw notFound('Invitation');
      if (invitationStatus(invitation) !== 'VALID') throw badInput('invitation_id', 'This invitation is no longer pending.');
      await ctx.store.revokeInvitation(invitation.id, auditContext(ctx));
      return { success: true, error: null };
    },
    accept_membership_invitation: async (_root, { input }, ctx) => {
      const invitation = await ctx.store.findInvitationByToken(hashToken(input.token));
      if (!invitation) throw notFound('Invitation');
      const status = invitationStatus(invitation);
      if (status !== 'VALID') throw badInput('token', INVITATION_PROBLEMS[status]);
      const tenant = (await ctx.store.getTenant(invitation.tenant_id))!;

      if (ctx.principal) {
        if (ctx.principal.accountType !== 'NORMAL' || ctx.principal.apiKeyId) throw forbidden('Sign in as a person to accept an invitation.');
        await ctx.store.acceptInvitation(invitation.id, ctx.principal.userId, auditContext(ctx));
      } else {
        if (!input.username || !input.password) throw badInput('username', 'Choose a username and a password, or sign in to join with your account.');
        const username = checkUsername('username', input.username);
        const password = checkPassword('password', input.password);
        // Asked again inside the accepting transaction; here it saves hashing a password for nothing.
        if (await ctx.store.findUserByEmail(invitation.email)) {
          throw badInput('email', 'An account with this email already exists: sign in to accept the invitation.');
        }
        const passwordHash = await hashPassword(password);
        const { user } = await ctx.store.createUserAndAcceptInvitation({ invitationId: invitation.id, username, passwordHash }, auditContext(ctx));
        await ctx.sessions.create(ctx.reply, user.id);
        await ctx.signIns.trustBrowser(ctx.request, ctx.reply, user.id);
      }
      return { success: true, tenant_id: tenant.id, tenant_slug: tenant.slug };
    },
  },
};
