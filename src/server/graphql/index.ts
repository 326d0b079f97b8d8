import { readFileSync } from 'node:fs';
import type { Resolvers } from '../generated/graphql.js';
import { scalarsFor } from './scalars.js';
import { JSON_SCALAR } from './json-scalar.js';
import { accountResolvers } from './resolvers/account.js';
import { agentResolvers } from './resolvers/agents.js';
import { apiKeyResolvers } from './resolvers/api-keys.js';
import { keyLookupResolvers } from './resolvers/key-lookup.js';
import { keyNoticeResolvers } from './resolvers/key-notices.js';
import { auditResolvers } from './resolvers/audit.js';
import { authResolvers } from './resolvers/auth.js';
import { canaryKeyResolvers } from './resolvers/canary-keys.js';
import { memberResolvers } from './resolvers/members.js';
import { membershipResolvers } from './resolvers/memberships.js';
import { roleResolvers } from './resolvers/roles.js';
import { serviceAccountResolvers } from './resolvers/service-accounts.js';
import { tenantResolvers } from './resolvers/tenants.js';
import { webhookResolvers } from './resolvers/webhooks.js';

export const schemaSource = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

/** One small module per domain, merged type by type. */
function mergeResolvers(...modules: Resolvers[]): Record<string, Record<string, unknown>> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const module of modules) {
    for (const [type, fields] of Object.entries(module)) merged[type] = { ...merged[type], ...(fields as Record<string, unknown>) };
  }
  return merged;
}

export const resolvers = {
  ...scalarsFor(schemaSource),
  JSON: JSON_SCALAR,
  ...mergeResolvers(
    authResolvers,
    accountResolvers,
    tenantResolvers,
    apiKeyResolvers,
    keyLookupResolvers,
    keyNoticeResolvers,
    memberResolvers,
    membershipResolvers,
    serviceAccountResolvers,
    auditResolvers,
    agentResolvers,
    canaryKeyResolvers,
    webhookResolvers,
    roleResolvers,
  ),
};
