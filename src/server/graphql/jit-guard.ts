import { getOperationAST, Kind, type DocumentNode, type GraphQLSchema, type TypeNode } from 'graphql';
import { perOperation } from './per-operation.js';

// graphql-jit compiles a variable's coercion by inlining its input type field by field.
// For a recursive input type (every *_bool_exp: _and, _or, _not) that takes tens of
// seconds of CPU, during which the server answers nothing (measured: 46 s for
// `query ($w: [tenant_bool_exp!])`). Operations with such variables run on graphql-js
// instead; everything else keeps the JIT.

const namedTypeName = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeName(type.type));
const tagOf = (value: unknown) => Object.prototype.toString.call(value);

const recursiveBySchema = new WeakMap<GraphQLSchema, Map<string, boolean>>();

/** Whether an input type can contain itself, directly or through other input types. */
function isRecursiveInput(schema: GraphQLSchema, typeName: string): boolean {
  let memo = recursiveBySchema.get(schema);
  if (!memo) recursiveBySchema.set(schema, (memo = new Map()));
  const known = memo.get(typeName);
  if (known !== undefined) return known;
  const reaches = (name: string, seen: Set<string>): boolean => {
    const type = schema.getType(name);
    if (tagOf(type) !== '[object GraphQLInputObjectType]') return false;
    for (const field of Object.values((type as { getFields(): Record<string, { type: unknown }> }).getFields())) {
      let inner: any = field.type;
      while (inner.ofType) inner = inner.ofType;
      if (inner.name === typeName) return true;
      if (!seen.has(inner.name)) {
        seen.add(inner.name);
        if (reaches(inner.name, seen)) return true;
      }
    }
    return false;
  };
  const result = reaches(typeName, new Set([typeName]));
  memo.set(typeName, result);
  return result;
}

const recursiveVariableIn = perOperation((document, operationName, schema: GraphQLSchema) => {
  const operation = getOperationAST(document, operationName ?? undefined);
  return (operation?.variableDefinitions ?? []).some((definition) => isRecursiveInput(schema, namedTypeName(definition.type)));
});

/** Remembered for each parsed document (see perOperation). */
export function hasRecursiveInputVariable(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  return recursiveVariableIn(document, operationName, schema);
}
