import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
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

function scalar(name: string, description: string, parse: (value: unknown) => string) {
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => value,
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const scalars = {
  uuid: scalar('uuid', 'UUID', parseUuid),
  UUID: scalar('UUID', 'UUID', parseUuid),
  timestamptz: scalar('timestamptz', 'ISO-8601 timestamp in UTC', parseTimestamp),
  DateTime: scalar('DateTime', 'ISO-8601 timestamp in UTC', parseTimestamp),
};
