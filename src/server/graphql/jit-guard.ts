import { getNamedType, getOperationAST, isInputObjectType, Kind, type ASTNode, type DocumentNode, type GraphQLSchema, type TypeNode } from 'graphql';
import { perOperation } from './per-operation.js';

// graphql-jit turns a document into JavaScript source, so which documents it may see
// is a security decision. Every place where it writes something taken from the
// document into that source (graphql-jit 0.8, execution.js, variables.js, ast.js):
// - names (fields, aliases, fragments, variables, arguments, directives) are written
//   unescaped, in quotes or as property names: safe only because the request gate
//   (http/graphql-request.ts) lets through nothing but graphql-js's parser output,
//   where a name matches /[_A-Za-z][_0-9A-Za-z]*/, and the document-shape rule
//   (document-shape.ts) refuses any other document;
// - argument literals go through JSON.stringify and then a textual replacement that
//   turns a string beginning with a fixed marker ("__MAGIC_DATE__…") into
//   `new Date(<rest of the string>)`: a string literal can therefore carry code, in a
//   perfectly valid document (`token: "__MAGIC_DATE__…(process.exit())"` ran on the
//   second request). Documents holding any string literal run on graphql-js instead;
//   without strings, every literal the JIT writes is a number, a boolean, null, an
//   enum's value from the schema, or a list or object of those with the schema's
//   field names;
// - variable values and their defaults are data at run time or JSON.stringify'd
//   defaults (no marker replacement): not code;
// - `@include(if:)`/`@skip(if:)` literals are written with toString(): booleans,
//   from the parser;
// - an alias "__proto__" becomes an object literal's prototype, not a field: such
//   documents run on graphql-js too.
//
// Apart from safety: graphql-jit compiles a variable's coercion by inlining its
// input type field by field. For a recursive input type (every *_bool_exp: _and, _or,
// _not) that takes tens of seconds of CPU, during which the server answers nothing
// (measured: 46 s for `query ($w: [tenant_bool_exp!])`). Operations with such
// variables run on graphql-js as well.

const namedTypeName = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeName(type.type));

const recursiveBySchema = new WeakMap<GraphQLSchema, Map<string, boolean>>();

/** Whether an input type can contain itself, directly or through other input types. */
function isRecursiveInput(schema: GraphQLSchema, typeName: string): boolean {
  let memo = recursiveBySchema.get(schema);
  if (!memo) recursiveBySchema.set(schema, (memo = new Map<string, boolean>()));
  const known = memo.get(typeName);
  if (known !== undefined) return known;
  const reaches = (name: string, seen: Set<string>): boolean => {
    const type = schema.getType(name);
    if (!isInputObjectType(type)) return false;
    for (const field of Object.values(type.getFields())) {
      const inner = getNamedType(field.type);
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

/** Whether the document holds a string literal or an alias the JIT would mistake for a prototype, anywhere. */
function holdsWhatTheJitMisreads(node: ASTNode): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as { kind?: unknown; alias?: { value?: unknown } } | null;
    if (typeof current !== 'object' || current === null) continue;
    if (current.kind === Kind.STRING) return true;
    if (current.kind === Kind.FIELD && typeof current.alias?.value === 'string' && current.alias.value.startsWith('__')) return true;
    for (const [key, value] of Object.entries(current)) if (key !== 'loc' && typeof value === 'object') stack.push(value);
  }
  return false;
}

const mustSkipJit = perOperation((document, operationName, schema: GraphQLSchema) => {
  if (holdsWhatTheJitMisreads(document)) return true;
  const operation = getOperationAST(document, operationName ?? undefined);
  return (operation?.variableDefinitions ?? []).some((definition) => isRecursiveInput(schema, namedTypeName(definition.type)));
});

/** Whether the operation must run on graphql-js rather than the JIT; remembered for each parsed document (see perOperation). */
export function mustRunWithoutJit(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  return mustSkipJit(document, operationName, schema);
}
