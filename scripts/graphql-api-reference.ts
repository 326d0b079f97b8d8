import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

// The reference section of docs/graphql-api.md, written from src/schema.graphql's
// descriptions: every query and mutation with its arguments, what a mutation's input
// holds and what it answers, then every other type. test/server/graphql-api-docs.test.ts
// fails when the section is not what this prints; `node --import tsx
// scripts/graphql-api-reference.ts` writes it.

export const DOCS_PATH = fileURLToPath(new URL('../docs/graphql-api.md', import.meta.url));
const SCHEMA_PATH = fileURLToPath(new URL('../src/schema.graphql', import.meta.url));
export const START = '<!-- reference:start (written by scripts/graphql-api-reference.ts) -->';
export const END = '<!-- reference:end -->';

/** Description text as Markdown: no HTML, no emphasis, no table breaks. */
const prose = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\*/g, '\\*')
    .replace(/(?<![\w\\])_/g, '\\_')
    .trim();

/**
 * Each type's heading is "Type `name`"; its anchor is GitHub's for that heading, which
 * numbers repeats (uuid and UUID are type-uuid and type-uuid-1).
 */
function anchorsOf(names: readonly string[]): ReadonlyMap<string, string> {
  const anchors = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const name of names) {
    const base = `type-${name.toLowerCase()}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.set(name, count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** A type as written in the schema, linked to its entry when it has one. */
function typeRef(type: { toString(): string }, anchors: ReadonlyMap<string, string>): string {
  const text = type.toString();
  const anchor = anchors.get(text.replace(/[[\]!]/g, ''));
  return anchor ? `[\`${text}\`](#${anchor})` : `\`${text}\``;
}

function table(rows: { name: string; type?: string; description: string }[], heading: string): string[] {
  if (rows.length === 0) return [];
  if (rows.every((row) => row.type === undefined)) {
    return [`| ${heading} | |`, '|---|---|', ...rows.map((row) => `| \`${row.name}\` | ${row.description} |`), ''];
  }
  return [`| ${heading} | type | |`, '|---|---|---|', ...rows.map((row) => `| \`${row.name}\` | ${row.type} | ${row.description} |`), ''];
}

function operation(field: GraphQLField<unknown, unknown>, anchors: ReadonlyMap<string, string>): string[] {
  const args = (list: readonly GraphQLArgument[]) => list.map((arg) => `${arg.name}: ${arg.type.toString()}`).join(', ');
  const lines = [
    `#### ${field.name}`,
    '',
    `\`${field.name}${field.args.length ? `(${args(field.args)})` : ''}: ${field.type.toString()}\``,
    '',
    prose(field.description),
    '',
  ];
  lines.push(
    ...table(
      field.args.map((arg) => ({ name: arg.name, type: typeRef(arg.type, anchors), description: prose(arg.description) })),
      'argument',
    ),
  );
  // A mutation's input and payload belong to it alone: shown here rather than among the types.
  for (const arg of field.args) {
    const input = getNamedType(arg.type);
    if (isInputObjectType(input) && input.name.endsWith('_input')) lines.push(...fieldsOf(input, anchors, `\`${arg.name}\` holds`));
  }
  const payload = getNamedType(field.type);
  if (isObjectType(payload) && payload.name.endsWith('_payload')) lines.push(...fieldsOf(payload, anchors, 'Answers'));
  return lines;
}

function fieldsOf(type: GraphQLNamedType, anchors: ReadonlyMap<string, string>, lead?: string): string[] {
  const fields =
    isObjectType(type) || isInputObjectType(type) ? Object.values(type.getFields() as Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>) : [];
  const lines = lead ? [`${lead} \`${type.name}\`: ${prose(type.description)}`, ''] : [];
  return [
    ...lines,
    ...table(
      fields.map((f) => ({ name: f.name, type: typeRef(f.type, anchors), description: prose(f.description) })),
      'field',
    ),
  ];
}

/** The generated section, markers included. */
export function renderReference(schema: GraphQLSchema): string {
  const ownedByOperations = (type: GraphQLNamedType) => type.name.endsWith('_input') || type.name.endsWith('_payload');
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type) && type !== schema.getQueryType() && type !== schema.getMutationType())
    .filter((type) => !ownedByOperations(type))
    .sort((a, b) => a.name.localeCompare(b.name));
  const anchors = anchorsOf(types.map((type) => type.name));
  const lines = [START, '', '### Queries', ''];
  for (const field of Object.values(schema.getQueryType()!.getFields())) lines.push(...operation(field, anchors));
  lines.push('### Mutations', '');
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) lines.push(...operation(field, anchors));
  lines.push('### Types', '');
  for (const type of types) {
    lines.push(`#### Type \`${type.name}\``, '', prose(type.description), '');
    if (isEnumType(type))
      lines.push(
        ...table(
          type.getValues().map((v) => ({ name: v.name, description: prose(v.description) })),
          'value',
        ),
      );
    else lines.push(...fieldsOf(type, anchors));
  }
  return [...lines, END].join('\n').replace(/\n{3,}/g, '\n\n');
}

export function referenceOf(docs: string): string | null {
  const start = docs.indexOf(START);
  const end = docs.indexOf(END);
  return start >= 0 && end > start ? docs.slice(start, end + END.length) : null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const docs = readFileSync(DOCS_PATH, 'utf8');
  const current = referenceOf(docs);
  if (current === null) throw new Error(`${DOCS_PATH} has no reference markers (${START} ... ${END}).`);
  writeFileSync(DOCS_PATH, docs.replace(current, renderReference(buildSchema(readFileSync(SCHEMA_PATH, 'utf8')))));
  console.log(`Wrote the reference in ${DOCS_PATH}.`);
}
