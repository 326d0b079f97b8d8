import type { Resolvers } from '../../generated/graphql.js';
import { badInput, forbidden } from '../../errors.js';
import { PREFECT_VERSION_HEADER } from '../../http/prefect-clients.js';
import { checkName } from '../inputs.js';
import { listPage } from '../paging.js';
import { auditContext, requireAdmin, requireCurrentTenant, requirePrincipal, requireRoleIn } from '../guards.js';

// A Prefect agent starting up: it registers (register_agent) and sends `query { hello }`
// to test its connection. Keyplane records which agent runs on which key; what the agent
// asks for next (flow runs) Keyplane does not serve (docs/prefect-compatibility.md).

const MAX_LABELS = 100;
/** Prefect's default when an agent is given no name (prefect.agent.Agent). */
const DEFAULT_AGENT_NAME = 'agent';
const VERSION = /^[0-9A-Za-z.+_-]{1,40}$/;

export const agentResolvers: Resolvers = {
  Query: {
    hello: () => 'Hello from Keyplane!',
    agent: (_root, args, ctx) => {
      const { tenantId, role } = requireCurrentTenant(ctx);
      requireAdmin(role, 'Only tenant administrators can see agents.');
      return listPage(ctx.request, args, (page) => ctx.store.listAgents(tenantId, page));
    },
  },
  Mutation: {
    register_agent: async (_root, { input }, ctx) => {
      const type = checkName('type', input.type, 'Agent type');
      const name = input.name === null || input.name === undefined ? DEFAULT_AGENT_NAME : checkName('name', input.name, 'Agent name');
      const labels = input.labels ?? [];
      if (labels.length > MAX_LABELS) throw badInput('labels', `An agent has at most ${MAX_LABELS} labels.`);
      const checkedLabels = labels.map((label) => checkName('labels', label, 'A label'));
      const principal = requirePrincipal(ctx);
      // An agent seen is its key in use: without one there is nothing to show an administrator.
      if (!principal.apiKeyId) throw forbidden('Agents register with an API key (Authorization: Bearer <key>), not a signed-in browser.');
      const tenantId = input.tenant_id ?? requireCurrentTenant(ctx).tenantId;
      const role = await requireRoleIn(ctx, tenantId, 'Tenant');
      if (role === 'READ_ONLY_USER') throw forbidden('Read-only members cannot register agents.');
      const version = ctx.request.headers[PREFECT_VERSION_HEADER];
      const agent = await ctx.store.registerAgent(
        {
          tenantId,
          apiKeyId: principal.apiKeyId,
          userId: principal.userId,
          type,
          name,
          labels: checkedLabels,
          agentConfigId: input.agent_config_id ?? null,
          coreVersion: typeof version === 'string' && VERSION.test(version) ? version : null,
        },
        auditContext(ctx),
      );
      return { id: agent.id };
    },
  },
};
