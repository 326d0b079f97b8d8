import { GraphQLScalarType, Kind, parse, type ValueNode } from 'graphql';
import { badInput } from '../errors.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ISO-8601 date or date-time; the year is four digits (no +010000-style years).
const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseUuid(value: unknown): string {
  if (typeof value !== 'string' || !UUID_PATTERN.test(value)) throw badInput('id', `Not a valid UUID: ${JSON.stringify(value)?.slice(0, 60)}.`);
  return value.toLowerCase();
}

export function parseTimestamp(value: unknown): string {
  if (typeof value !== 'string' || !ISO_PATTERN.test(value)) {
    throw badInput('timestamp', `Not an ISO-8601 timestamp: ${JSON.stringify(value)?.slice(0, 60)}.`);
  }
  const time = Date.parse(value);
  // Date.parse rolls 2027-02-31 over into March; a real date survives the round trip.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const realDate = calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  if (Number.isNaN(time) || !realDate) throw badInput('timestamp', `Not a valid date: ${JSON.stringify(value).slice(0, 60)}.`);
  return new Date(time).toISOString();
}

function scalar(name: string, description: string | undefined, parseValue: (value: unknown) => string) {
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => value,
    parseValue,
    parseLiteral: (ast: ValueNode) => parseValue(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

/**
 * The scalars, described as the schema file describes them: Mercurius copies a scalar's
 * own properties, description included, over the type it built from the file, so a
 * description written here instead would replace the file's in introspection and SDL.
 */
export function scalarsFor(schemaSource: string) {
  const descriptions = new Map<string, string | undefined>();
  for (const definition of parse(schemaSource, { noLocation: true }).definitions) {
    if (definition.kind === Kind.SCALAR_TYPE_DEFINITION) descriptions.set(definition.name.value, definition.description?.value);
  }
  return {
    uuid: scalar('uuid', descriptions.get('uuid'), parseUuid),
    UUID: scalar('UUID', descriptions.get('UUID'), parseUuid),
    timestamptz: scalar('timestamptz', descriptions.get('timestamptz'), parseTimestamp),
    DateTime: scalar('DateTime', descriptions.get('DateTime'), parseTimestamp),
  };
}
