import type { CodegenConfig } from '@graphql-codegen/cli';

// One schema, two outputs: resolver types for the server, typed documents for the UI.
const scalars = {
  uuid: 'string',
  UUID: 'string',
  timestamptz: 'string',
  DateTime: 'string',
  JSON: 'unknown',
};

const config: CodegenConfig = {
  schema: 'src/schema.graphql',
  overwrite: true,
  ignoreNoDocuments: true,
  generates: {
    'src/server/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        scalars,
        contextType: '../context.js#RequestContext',
        namingConvention: 'keep',
        useTypeImports: true,
        enumsAsTypes: true,
        maybeValue: 'T | null | undefined',
        avoidOptionals: false,
        // Resolvers return store records; field resolvers fill in the rest.
        mappers: {
          tenant: '../store/types.js#TenantRecord',
          membership: '../store/types.js#MembershipRecord',
          user: '../store/types.js#UserRecord',
          user_view_same_tenant: '../store/types.js#MemberRow',
          auth_api_key: '../store/types.js#ApiKeyRow',
          api_key_user: '../store/types.js#UserRef',
          membership_invitation: '../store/types.js#InvitationRecord',
          audit_event: '../store/types.js#AuditEventRecord',
          auth_info: '../context.js#Principal',
          agent: '../store/types.js#AgentRecord',
          tenant_policy: '../store/types.js#TenantPolicy',
          webhook: '../store/types.js#WebhookRecord',
          webhook_delivery: '../store/types.js#WebhookDeliveryRecord',
        },
      },
    },
    'src/ui/gql/': {
      documents: ['src/ui/**/*.{ts,tsx}', '!src/ui/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { scalars, useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
