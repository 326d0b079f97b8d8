import type { CodegenConfig } from '@graphql-codegen/cli';

// One schema, two outputs: resolver types for the server, typed documents for the UI.
const scalars = {
  uuid: 'string',
  UUID: 'string',
  timestamptz: 'string',
  DateTime: 'string',
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
        useTypeImports: true,
        enumsAsTypes: true,
        maybeValue: 'T | null | undefined',
        avoidOptionals: false,
        mappers: {},
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
