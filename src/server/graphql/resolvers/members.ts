import { createHash, randomBytes } from 'node:crypto';
import type { Resolvers } from '../../generated/graphql.js';
import { hashPassword } from '../../auth/passwords.js';
import { badInput, forbidden, notFound } from '../../errors.js';
import type { RequestContext } from '../../context.js';
import { checkEmail, checkPassword, checkUsername, ROLE_NAMES } from '../inputs.js';
import { listPage } from '../paging.js';
import { auditContext, requireAdmin, requireCurrentTenant, requirePrincipal, requireRoleIn, roleIn } from '../guards.js';
import { roleFrom, signedInPerson } from './roles.js';
import { requiredValues } from './filters.js';
import type { InvitationRecord, MemberRow, Role } from '../../store/types.js';

const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function invitationStatus(invitation: InvitationRecord): 'VALID' | 'EXPIRED' | 'USED' | 'REVOKED' {
  if (invitation.accepted_at) return 'USED';
  if (invitation.revoked_at) return 'REVOKED';
  if (Date.parse(invitation.expires_at) <= Date.now()) return 'EXPIRED';
  return 'VALID';
}

/** Whether the invitation was sent to the signed-in person's own email (emails match whatever their case). */
async function sentToCaller(ctx: RequestContext, invitation: InvitationRecord): Promise<boolean> {
  const email = (await signedInPerson(ctx))?.email;
  return !!email && email.toLowerCase() === invitation.email.toLowerCase();
}

/** An invitation the caller may see: an administrator of its tenant, or the person it was sent to. */
async function maySeeInvitation(ctx: RequestContext, invitation: InvitationRecord): Promise<boolean> {
  return (await roleIn(ctx, invitation.tenant_id)) === 'TENANT_ADMIN' || sentToCaller(ctx, invitation);
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
      return withVisibleKeyCount(await listPage(ctx.request, args, (page) => ctx.store.listMembers(tenantId, page)), role);
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
      const principal = requirePrincipal(ctx);
      if (ctx.tenantDenied) throw forbidden('You are not a member of this tenant.');
      const tenantId = principal.role === 'TENANT_ADMIN' ? principal.tenantId : null;
      // A person's own invitations, to any tenant, when asked for by their email (as the
      // legacy UI asks, PendingInvitations): a tenant's invitations page asks for its own
      // alone. A key acts in its own tenant only, so never its owner's.
      const ownEmail = (await signedInPerson(ctx))?.email?.toLowerCase() ?? null;
      const askedForOwn = ownEmail !== null && requiredValues(args.where, 'email').some((email) => email.toLowerCase() === ownEmail);
      const email = askedForOwn ? ownEmail : null;
      return listPage(ctx.request, args, (page) => ctx.store.listInvitations({ tenantId, email }, page));
    },
    membership_invitation_by_pk: async (_root, { id }, ctx) => {
      requirePrincipal(ctx);
      const invitation = await ctx.store.getInvitation(id);
      if (!invitation || invitationStatus(invitation) !== 'VALID' || !(await maySeeInvitation(ctx, invitation))) return null;
      return invitation;
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
    role_id: (invitation) => invitation.role,
    role_detail: (invitation) => ({ id: invitation.role, name: ROLE_NAMES[invitation.role] }),
    user: async (invitation, _args, ctx) => ((await sentToCaller(ctx, invitation)) ? signedInPerson(ctx) : null),
    // tenant: a loader (graphql/loaders.ts)
    // invited_by: a loader (graphql/loaders.ts)
  },
  Mutation: {
    set_membership_role: async (_root, { input }, ctx) => {
      const role = roleFrom(input);
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
      const role = roleFrom(input);
      // Prefect's client names no tenant: the request's.
      const tenantId = input.tenant_id ?? requireCurrentTenant(ctx).tenantId;
      const callerRole = await requireRoleIn(ctx, tenantId, 'Tenant');
      requireAdmin(callerRole, 'Only tenant administrators can invite members.');
      const existing = await ctx.store.findUserByEmail(email);
      if (existing && (await ctx.store.findMembership(existing.id, tenantId))) {
        throw badInput('email', 'This person is already a member of the tenant.');
      }
      const token = randomBytes(24).toString('base64url');
      const invitation = await ctx.store.createInvitation(
        {
          tenantId,
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
      // Administrators revoke an invitation; the person it was sent to declines it (Prefect's
      // way). To anyone else an existing id answers as a made-up one does.
      if (!(await maySeeInvitation(ctx, invitation))) throw notFound('Invitation');
      if (invitationStatus(invitation) !== 'VALID') throw badInput('invitation_id', 'This invitation is no longer pending.');
      await ctx.store.revokeInvitation(invitation.id, auditContext(ctx));
      return { success: true, error: null };
    },
    accept_membership_invitation: async (_root, { input }, ctx) => {
      if (input.invitation_id) {
        // Without the token: an invitation sent to the signed-in person's own email.
        if (input.token) throw badInput('invitation_id', 'Give the token or the invitation_id, not both.');
        requirePrincipal(ctx);
        if (!(await signedInPerson(ctx))) throw forbidden('Sign in as a person to accept an invitation.');
        const invitation = await ctx.store.getInvitation(input.invitation_id);
        if (!invitation || !(await sentToCaller(ctx, invitation))) throw notFound('Invitation');
        const status = invitationStatus(invitation);
        if (status !== 'VALID') throw badInput('invitation_id', INVITATION_PROBLEMS[status]);
        const tenant = (await ctx.store.getTenant(invitation.tenant_id))!;
        const membership = await ctx.store.acceptInvitation(invitation.id, ctx.principal!.userId, auditContext(ctx));
        return { id: membership.id, success: true, tenant_id: tenant.id, tenant_slug: tenant.slug };
      }
      if (!input.token) throw badInput('token', "Give the invitation's token, or, signed in, its invitation_id.");
      const invitation = await ctx.store.findInvitationByToken(hashToken(input.token));
      if (!invitation) throw notFound('Invitation');
      const status = invitationStatus(invitation);
      if (status !== 'VALID') throw badInput('token', INVITATION_PROBLEMS[status]);
      const tenant = (await ctx.store.getTenant(invitation.tenant_id))!;

      let membershipId: string;
      if (ctx.principal) {
        if (ctx.principal.accountType !== 'NORMAL' || ctx.principal.apiKeyId) throw forbidden('Sign in as a person to accept an invitation.');
        membershipId = (await ctx.store.acceptInvitation(invitation.id, ctx.principal.userId, auditContext(ctx))).id;
      } else {
        if (!input.username || !input.password) throw badInput('username', 'Choose a username and a password, or sign in to join with your account.');
        const username = checkUsername('username', input.username);
        const password = checkPassword('password', input.password);
        // Asked again inside the accepting transaction; here it saves hashing a password for nothing.
        if (await ctx.store.findUserByEmail(invitation.email)) {
          throw badInput('email', 'An account with this email already exists: sign in to accept the invitation.');
        }
        const passwordHash = await hashPassword(password);
        const { user, membership } = await ctx.store.createUserAndAcceptInvitation({ invitationId: invitation.id, username, passwordHash }, auditContext(ctx));
        membershipId = membership.id;
        await ctx.sessions.create(ctx.reply, user.id);
        await ctx.signIns.trustBrowser(ctx.request, ctx.reply, user.id);
      }
      return { id: membershipId, success: true, tenant_id: tenant.id, tenant_slug: tenant.slug };
    },
  },
};
