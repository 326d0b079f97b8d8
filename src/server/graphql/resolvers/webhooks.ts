import { randomUUID } from 'node:crypto';
import { checkWebhookEvents } from '../../../shared/webhooks.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { badInput, notFound } from '../../errors.js';
import { generateWebhookSecret } from '../../webhooks/signature.js';
import { checkWebhookTarget } from '../../webhooks/addresses.js';
import type { WebhookChanges, WebhookRecord } from '../../store/types.js';
import { listPage } from '../paging.js';
import { auditContext, requireAdmin, requireCurrentTenant, requirePrincipal, requireRoleIn, roleIn } from '../guards.js';

// Webhooks: a tenant's administrators' alone (people and admin-role service accounts).
// A tenant named that the caller is not in is NOT_FOUND, and FORBIDDEN for a member who
// is no administrator, as the tenant settings are; a webhook or delivery named by id is
// NOT_FOUND to anyone but its tenant's administrators, so that ids cannot be probed.

const ADMINS_ONLY = 'Only tenant administrators can manage webhooks.';

async function adminTenant(ctx: RequestContext, named: string | null | undefined): Promise<string> {
  const tenantId = named ?? requireCurrentTenant(ctx).tenantId;
  requireAdmin(await requireRoleIn(ctx, tenantId, 'Tenant'), ADMINS_ONLY);
  return tenantId;
}

/** The webhook, when the caller administers its tenant; NOT_FOUND otherwise. */
async function administeredWebhook(ctx: RequestContext, webhookId: string): Promise<WebhookRecord> {
  requirePrincipal(ctx);
  const webhook = await ctx.store.getWebhook(webhookId);
  if (!webhook || (await roleIn(ctx, webhook.tenant_id)) !== 'TENANT_ADMIN') throw notFound('Webhook');
  return webhook;
}

async function checkUrl(ctx: RequestContext, url: string): Promise<string> {
  const target = await checkWebhookTarget(url, ctx.config.webhooksAllowPrivate);
  if (!target.ok) throw badInput('url', target.message);
  return url.trim();
}

function checkEvents(events: readonly string[]): string[] {
  const checked = checkWebhookEvents(events);
  if (!checked.ok) throw badInput('events', checked.message);
  return checked.events;
}

export const webhookResolvers: Resolvers = {
  Query: {
    webhook: async (_root, { tenant_id }, ctx) => ctx.store.listWebhooks(await adminTenant(ctx, tenant_id)),
    webhook_delivery: async (_root, args, ctx) => {
      const webhook = await administeredWebhook(ctx, args.webhook_id);
      return listPage(ctx.request, args, (page) => ctx.store.listWebhookDeliveries(webhook.id, page));
    },
    webhook_delivery_aggregate: async (_root, { webhook_id }, ctx) => {
      const webhook = await administeredWebhook(ctx, webhook_id);
      return { aggregate: { count: await ctx.store.countWebhookDeliveries(webhook.id) } };
    },
  },
  Mutation: {
    create_webhook: async (_root, { input }, ctx) => {
      const principal = requirePrincipal(ctx);
      const tenantId = await adminTenant(ctx, input.tenant_id);
      const events = checkEvents(input.events);
      const url = await checkUrl(ctx, input.url);
      const secret = generateWebhookSecret();
      const webhook = await ctx.store.createWebhook({ id: randomUUID(), tenantId, url, events, secret, createdById: principal.userId }, auditContext(ctx));
      return { id: webhook.id, secret };
    },
    update_webhook: async (_root, { input }, ctx) => {
      const webhook = await administeredWebhook(ctx, input.webhook_id);
      const changes: WebhookChanges = {};
      if (input.events !== null && input.events !== undefined) changes.events = checkEvents(input.events);
      if (input.url !== null && input.url !== undefined) changes.url = await checkUrl(ctx, input.url);
      if (input.enabled !== null && input.enabled !== undefined) changes.enabled = input.enabled;
      return ctx.store.updateWebhook(webhook.id, changes, auditContext(ctx));
    },
    delete_webhook: async (_root, { input }, ctx) => {
      const webhook = await administeredWebhook(ctx, input.webhook_id);
      if (!(await ctx.store.deleteWebhook(webhook.id, auditContext(ctx)))) throw notFound('Webhook');
      return { success: true, error: null };
    },
    redeliver_webhook_delivery: async (_root, { input }, ctx) => {
      requirePrincipal(ctx);
      const delivery = await ctx.store.getWebhookDelivery(input.delivery_id);
      if (!delivery) throw notFound('Webhook delivery');
      await administeredWebhook(ctx, delivery.webhook_id).catch(() => {
        throw notFound('Webhook delivery');
      });
      return ctx.store.redeliverWebhookDelivery(delivery.id);
    },
    send_test_webhook: async (_root, { input }, ctx) => {
      const webhook = await administeredWebhook(ctx, input.webhook_id);
      return ctx.store.queueTestWebhook(webhook.id, requirePrincipal(ctx).userId);
    },
  },
};
