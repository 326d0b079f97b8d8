import { readFileSync } from 'node:fs';
import type { Resolvers } from '../generated/graphql.js';
import { scalarsFor } from './scalars.js';
import { apiKeyResolvers } from './resolvers/api-keys.js';
import { auditResolvers } from './resolvers/audit.js';
import { authResolvers } from './resolvers/auth.js';
import { memberResolvers } from './resolvers/members.js';
import { serviceAccountResolvers } from './resolvers/service-accounts.js';
import { tenantResolvers } from './resolvers/tenants.js';

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
  ...mergeResolvers(authResolvers, tenantResolvers, apiKeyResolvers, memberResolvers, serviceAccountResolvers, auditResolvers),
};
