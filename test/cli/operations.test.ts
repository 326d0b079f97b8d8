import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from '../../src/cli/operations.js';

// The command's documents must stay valid against the contract: a renamed field
// in src/schema.graphql fails here, not in a user's terminal.
const schema = buildSchema(readFileSync(new URL('../../src/schema.graphql', import.meta.url), 'utf8'));
const documents = Object.entries(operations as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string');

describe('the GraphQL operations the command sends', () => {
  it('include every operation', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(
      [
        'AUTH_INFO',
        'CREATE_CANARY',
        'CREATE_KEY',
        'DELETE_CANARY',
        'KEY_EXPIRY',
        'LIST_CANARIES',
        'LIST_KEYS',
        'LIST_TENANTS',
        'LOOKUP_KEY',
        'REPORT_LEAKED',
        'REVOKE_KEY',
        'ROTATE_KEY',
        'UPDATE_KEY',
      ].sort(),
    );
  });

  it.each(documents)('%s is valid against src/schema.graphql', (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });
});
