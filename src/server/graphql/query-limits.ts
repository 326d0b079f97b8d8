import {
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { MAX_LIMIT } from './paging.js';
import { perOperation } from './per-operation.js';

// What one request may ask for, measured before anything runs. Depth is Mercurius's
// queryDepth; aliases and cost are measured here, with the request's variables, so a
// `limit: $limit` counts as what it really is.

/**
 * Lists without a limit argument are small: a member's memberships (user_view_same_tenant)
 * are the one in the current tenant; others (a user's memberships) count as 10. A list
 * that takes `limit` counts as the rows it may return: the limit, else MAX_LIMIT.
 */
const UNPAGED_LIST_SIZES: Readonly<Record<string, number>> = { 'user_view_same_tenant.memberships': 1 };
const UNPAGED_LIST_SIZE = 10;

export interface QueryLimits {
  maxAliases: number;
  maxCost: number;
}

export interface QueryMeasure {
  aliases: number;
  /** Every field counts 1 for each object it may be resolved on: lists multiply by their size. */
  cost: number;
}

/**
 * The number execution will use for an argument: a literal, or a variable's value,
 * else the variable's default (`$limit: Int = 1000` sent without variables runs at
 * 1,000); null leaves the field's own default.
 */
function intValue(node: ValueNode | undefined, variables: Record<string, unknown>, defaults: ReadonlyMap<string, ValueNode>, onVariable: () => void): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    onVariable();
    const name = node.name.value;
    if (Object.prototype.hasOwnProperty.call(variables, name) && variables[name] !== undefined) {
      const value = variables[name];
      return typeof value === 'number' ? value : null;
    }
    const fallback = defaults.get(name);
    return fallback ? intValue(fallback, {}, new Map(), onVariable) : null;
  }
  return null;
}

const measureOnce = perOperation(
  (document, operationName, schema: GraphQLSchema, variables: Record<string, unknown>) => measure(schema, document, operationName, variables),
  (result) => !result.readVariables,
);

/**
 * The aliases and cost of an operation, remembered for each parsed document (see
 * perOperation) unless the measure read a variable, such as limit: $limit.
 */
export function measureQueryOnce(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> = {}): QueryMeasure {
  return measureOnce(document, operationName, schema, variables).measure;
}

function measure(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): { measure: QueryMeasure; readVariables: boolean } {
  let readVariables = false;
  const onVariable = () => (readVariables = true);
  const operation = getOperationAST(document, operationName ?? undefined);
  const totals = { aliases: 0, cost: 0 };
  if (!operation) return { measure: totals, readVariables };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { measure: totals, readVariables };
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLObjectType, multiplier: number, visiting: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) totals.aliases++;
        // Introspection is bounded by the depth limit; GraphiQL's own query must pass.
        if (selection.name.value.startsWith('__')) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        totals.cost += multiplier;
        const type = getNamedType(field.type);
        if (!selection.selectionSet || !isObjectType(type)) continue;
        let size = 1;
        if (isListType(getNullableType(field.type))) {
          const limitArgument = selection.arguments?.find((a) => a.name.value === 'limit');
          const hasLimit = field.args.some((a) => a.name === 'limit');
          const requested = intValue(limitArgument?.value, variables, defaults, onVariable);
          size = hasLimit ? Math.min(Math.max(requested ?? MAX_LIMIT, 0), MAX_LIMIT) : (UNPAGED_LIST_SIZES[`${parent.name}.${field.name}`] ?? UNPAGED_LIST_SIZE);
        }
        walk(selection.selectionSet, type, multiplier * Math.max(size, 1), visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        walk(selection.selectionSet, isObjectType(condition) ? condition : parent, multiplier, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation has already refused cycles; this guard only keeps the walk finite.
        if (!fragment || visiting.has(name)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        walk(fragment.selectionSet, isObjectType(condition) ? condition : parent, multiplier, new Set(visiting).add(name));
      }
    }
  };
  walk(operation.selectionSet, root, 1, new Set());
  return { measure: totals, readVariables };
}

/** A refusal the client can act on: what was measured and what the limit is. */
export function checkQueryLimits(measure: QueryMeasure, limits: QueryLimits): GraphQLError | null {
  if (measure.aliases > limits.maxAliases) {
    return new GraphQLError(`The query uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed.`, {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases', max: limits.maxAliases, actual: measure.aliases },
    });
  }
  if (measure.cost > limits.maxCost) {
    return new GraphQLError(
      `The query may return ${measure.cost} fields; at most ${limits.maxCost} are allowed. Ask for fewer fields or a smaller limit, and page with offset.`,
      { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', max: limits.maxCost, actual: measure.cost } },
    );
  }
  return null;
}
