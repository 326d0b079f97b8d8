import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  OperationTypeNode,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { MAX_LIMIT } from './paging.js';
import { perOperation } from './per-operation.js';

// What one request may ask for, measured before anything runs, with the request's
// variables, so a `limit: $limit` counts as what it really is: depth, aliases and cost.
//
// Introspection (__schema, __type) is measured apart from data. The standard query
// that GraphiQL, graphql-codegen and graphql-inspector send is 15 levels deep, over
// the data's depth limit, yet cheap; a data query that deep would not be. So the
// fields under __schema and __type have a depth allowance of their own, and a cost
// rule of their own: lists of the schema (types, fields, arguments, ...) count as
// long as the longest such list in the live schema, and the total may be at most
// twice what the standard query costs, which bounds nesting such as
// `types { fields { type { fields { type { fields ... } } } } }`. The data's limits
// hold whatever introspection sits beside them in the document.

/**
 * Lists without a limit argument are small: a member's memberships (user_view_same_tenant)
 * are the one in the current tenant; others (a user's memberships) count as 10. A list
 * that takes `limit` counts as the rows it may return: the limit, else MAX_LIMIT.
 */
const UNPAGED_LIST_SIZES: Readonly<Record<string, number>> = { 'user_view_same_tenant.memberships': 1 };
const UNPAGED_LIST_SIZE = 10;
/** Lists that take `limit` with a lower cap than MAX_LIMIT: a key's agents (SqlStore.MAX_AGENTS_PER_KEY). */
const LIMIT_CAPS: Readonly<Record<string, number>> = { 'auth_api_key.agents': 20 };

export interface QueryLimits {
  maxAliases: number;
  maxCost: number;
  maxDepth: number;
}

/** How deep introspection may nest: the standard query's 15 levels, with room for tools that ask for deeper type references. */
export const MAX_INTROSPECTION_DEPTH = 20;

export interface QueryMeasure {
  aliases: number;
  /** Every data field counts 1 for each object it may be resolved on: lists multiply by their size. */
  cost: number;
  /** The deepest data path, counted as Mercurius counts depth (fields and inline fragments). */
  depth: number;
  /** The same two for the fields under __schema and __type. */
  introspectionCost: number;
  introspectionDepth: number;
}

/**
 * The number execution will use for an argument: a literal, or a variable's value,
 * else the variable's default (`$limit: Int = 1000` sent without variables runs at
 * 1,000); null leaves the field's own default.
 */
function intValue(
  node: ValueNode | undefined,
  variables: Record<string, unknown>,
  defaults: ReadonlyMap<string, ValueNode>,
  onVariable: () => void,
): number | null {
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
export function measureQueryOnce(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): QueryMeasure {
  return measureOnce(document, operationName, schema, variables).measure;
}

/** What a selection set costs once (cost is linear in how many times it is resolved), and how deep it goes. */
interface Tally {
  aliases: number;
  cost: number;
  depth: number;
  introspectionCost: number;
  introspectionDepth: number;
}

const INTROSPECTION_ROOTS: Readonly<Record<string, string>> = { __schema: '__Schema', __type: '__Type' };

const introspectionSizesBySchema = new WeakMap<GraphQLSchema, Record<string, number>>();

/** The longest list each introspection field can answer in this schema. */
function introspectionSizes(schema: GraphQLSchema): Record<string, number> {
  let sizes = introspectionSizesBySchema.get(schema);
  if (sizes) return sizes;
  const types = Object.values(schema.getTypeMap());
  const longest = (lengths: number[]) => Math.max(1, ...lengths);
  const withFields = types.filter((type) => isObjectType(type) || isInterfaceType(type));
  const fields = withFields.flatMap((type) => Object.values(type.getFields()));
  sizes = {
    '__Schema.types': types.length,
    '__Schema.directives': schema.getDirectives().length,
    '__Type.fields': longest(withFields.map((type) => Object.keys(type.getFields()).length)),
    '__Type.interfaces': longest(withFields.map((type) => type.getInterfaces().length)),
    '__Type.possibleTypes': longest(types.filter((type) => isInterfaceType(type) || isUnionType(type)).map((type) => schema.getPossibleTypes(type).length)),
    '__Type.enumValues': longest(types.filter(isEnumType).map((type) => type.getValues().length)),
    '__Type.inputFields': longest(types.filter(isInputObjectType).map((type) => Object.keys(type.getFields()).length)),
    '__Field.args': longest(fields.map((field) => field.args.length)),
    '__Directive.args': longest(schema.getDirectives().map((directive) => directive.args.length)),
  };
  introspectionSizesBySchema.set(schema, sizes);
  return sizes;
}

function measure(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): { measure: QueryMeasure; readVariables: boolean } {
  let readVariables = false;
  const onVariable = () => (readVariables = true);
  const operation = getOperationAST(document, operationName ?? undefined);
  const empty = (): Tally => ({ aliases: 0, cost: 0, depth: 0, introspectionCost: 0, introspectionDepth: 0 });
  if (!operation) return { measure: empty(), readVariables };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const root =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return { measure: empty(), readVariables };
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? [])
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  const sizes = introspectionSizes(schema);
  const longestIntrospectionList = Math.max(...Object.values(sizes));

  const listSize = (
    selection: { arguments?: readonly { name: { value: string }; value: ValueNode }[] },
    parent: GraphQLObjectType,
    field: { name: string; args: readonly { name: string }[] },
    introspecting: boolean,
  ) => {
    if (introspecting) return sizes[`${parent.name}.${field.name}`] ?? longestIntrospectionList;
    const limitArgument = selection.arguments?.find((a) => a.name.value === 'limit');
    const hasLimit = field.args.some((a) => a.name === 'limit');
    const requested = intValue(limitArgument?.value, variables, defaults, onVariable);
    const cap = LIMIT_CAPS[`${parent.name}.${field.name}`] ?? MAX_LIMIT;
    return hasLimit ? Math.min(Math.max(requested ?? cap, 0), cap) : (UNPAGED_LIST_SIZES[`${parent.name}.${field.name}`] ?? UNPAGED_LIST_SIZE);
  };

  // A fragment is measured once for each mode however often it is spread: a document
  // that spreads fragments within fragments costs a walk of its text, not of its expansion.
  const fragmentTallies = new Map<string, Tally>();
  const visiting = new Set<string>();

  /** `introspecting`: under __schema or __type, where cost and depth are introspection's. */
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLObjectType, introspecting: boolean): Tally => {
    const tally = empty();
    const add = (child: Tally, times: number, level: number) => {
      tally.aliases += child.aliases;
      tally.cost += times * child.cost;
      tally.introspectionCost += times * child.introspectionCost;
      tally.depth = Math.max(tally.depth, child.depth > 0 || level === 0 ? child.depth + level : 0);
      tally.introspectionDepth = Math.max(tally.introspectionDepth, child.introspectionDepth > 0 ? child.introspectionDepth + level : 0);
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) tally.aliases++;
        const name = selection.name.value;
        const introspectionRoot = introspecting ? undefined : INTROSPECTION_ROOTS[name];
        if (introspectionRoot) {
          const type = schema.getType(introspectionRoot);
          const child = selection.selectionSet && isObjectType(type) ? walk(selection.selectionSet, type, true) : empty();
          tally.aliases += child.aliases;
          tally.introspectionCost += 1 + child.cost;
          tally.introspectionDepth = Math.max(tally.introspectionDepth, 1 + child.depth);
          continue;
        }
        // __typename costs nothing, but is a level like any field.
        const field = name === '__typename' ? undefined : parent.getFields()[name];
        const own = { ...empty(), cost: field ? 1 : 0, depth: 1 };
        const type = field && getNamedType(field.type);
        if (!field || !selection.selectionSet || !isObjectType(type)) {
          add(own, 1, 0);
          continue;
        }
        const size = isListType(getNullableType(field.type)) ? listSize(selection, parent, field, introspecting) : 1;
        const child = walk(selection.selectionSet, type, introspecting);
        add(own, 1, 0);
        add(child, Math.max(size, 1), 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(walk(selection.selectionSet, isObjectType(condition) ? condition : parent, introspecting), 1, 1);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Validation has already refused cycles; this guard only keeps the walk finite.
        if (!fragment || visiting.has(name)) continue;
        const key = `${introspecting ? 'i' : 'd'}:${name}`;
        let child = fragmentTallies.get(key);
        if (!child) {
          const condition = schema.getType(fragment.typeCondition.name.value);
          visiting.add(name);
          child = walk(fragment.selectionSet, isObjectType(condition) ? condition : parent, introspecting);
          visiting.delete(name);
          fragmentTallies.set(key, child);
        }
        // A spread stands for its fragment's selections: no level of its own.
        add(child, 1, 0);
      }
    }
    return tally;
  };
  return { measure: walk(operation.selectionSet, root, false), readVariables };
}

const introspectionCostLimits = new WeakMap<GraphQLSchema, number>();
const FULL_INTROSPECTION = parse(
  getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
);

/** The most introspection one operation may cost: twice the standard introspection query, with every option, on this schema. */
export function maxIntrospectionCost(schema: GraphQLSchema): number {
  let limit = introspectionCostLimits.get(schema);
  if (limit === undefined) {
    limit = 2 * measure(schema, FULL_INTROSPECTION, undefined, {}).measure.introspectionCost;
    introspectionCostLimits.set(schema, limit);
  }
  return limit;
}

/** A refusal the client can act on: what was measured and what the limit is. */
export function checkQueryLimits(measure: QueryMeasure, limits: QueryLimits & { maxIntrospectionCost: number }): GraphQLError | null {
  const refusal = (message: string, limit: string, max: number, actual: number) =>
    new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max, actual } });
  if (measure.depth > limits.maxDepth) {
    return refusal(`Query depth (${measure.depth}) exceeds the query depth limit of ${limits.maxDepth}.`, 'depth', limits.maxDepth, measure.depth);
  }
  if (measure.introspectionDepth > MAX_INTROSPECTION_DEPTH) {
    return refusal(
      `Introspection depth (${measure.introspectionDepth}) exceeds the introspection depth limit of ${MAX_INTROSPECTION_DEPTH}.`,
      'introspection_depth',
      MAX_INTROSPECTION_DEPTH,
      measure.introspectionDepth,
    );
  }
  if (measure.aliases > limits.maxAliases) {
    return refusal(`The query uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed.`, 'aliases', limits.maxAliases, measure.aliases);
  }
  if (measure.introspectionCost > limits.maxIntrospectionCost) {
    return refusal(
      `The introspection may return ${measure.introspectionCost} fields; at most ${limits.maxIntrospectionCost} are allowed (twice the standard introspection query). Nest fewer lists of types and fields.`,
      'introspection_cost',
      limits.maxIntrospectionCost,
      measure.introspectionCost,
    );
  }
  if (measure.cost > limits.maxCost) {
    return refusal(
      `The query may return ${measure.cost} fields; at most ${limits.maxCost} are allowed. Ask for fewer fields or a smaller limit, and page with offset.`,
      'cost',
      limits.maxCost,
      measure.cost,
    );
  }
  return null;
}
