import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

// Prefect's Hasura types some fields as json or jsonb (tenant.settings, user.settings,
// auth_info.license). Keyplane only answers with them; a JSON literal or variable given
// as an argument would be taken as it is.
export const JSON_SCALAR = new GraphQLScalarType({
  name: 'JSON',
  description: "Any JSON value (Hasura's json and jsonb).",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
