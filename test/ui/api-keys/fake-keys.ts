/**
 * A small stand-in for the API's key list, for msw handlers: it keeps keys, answers the
 * ApiKeysPage query with paging and a total, and removes a key on RevokeApiKey. It does not
 * re-implement the server's `where` (server tests own that); tests that need a filtered view
 * set the rows they expect and check the variables the page asked for.
 */
import { screen } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { acme, globex, type FixtureTenant } from '../render';

export interface FakeKey {
  id: string;
  name: string;
  key_hint: string;
  created: string;
  expires_at: string | null;
  last_used_at: string | null;
  rotation_ends_at: string | null;
  replaces_key_hint: string | null;
  tenant: FixtureTenant;
  created_by: { id: string; username: string } | null;
  /** Agents seen with it: asked for by the revoke dialog alone. */
  agents?: { id: string; name: string; last_queried: string }[];
  role: string | null;
  description: string | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function isoFromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

let counter = 0;
export function makeKey(overrides: Partial<FakeKey> = {}): FakeKey {
  counter += 1;
  const n = String(counter).padStart(12, '0');
  return {
    id: `cccccccc-0000-4000-8000-${n}`,
    name: `key ${counter}`,
    key_hint: `kpu_Ab${String(counter % 100).padStart(2, '0')}`,
    created: isoFromNow(-5 * DAY),
    expires_at: isoFromNow(20 * DAY),
    last_used_at: null,
    rotation_ends_at: null,
    replaces_key_hint: null,
    tenant: acme,
    created_by: null,
    role: null,
    description: null,
    ...overrides,
  };
}

/** Keys that exercise every way the Expires and Last used columns read. */
export function variedKeys(): FakeKey[] {
  return [
    makeKey({ name: 'laptop', expires_at: isoFromNow(3 * DAY + HOUR), last_used_at: isoFromNow(-2 * HOUR) }),
    makeKey({ name: 'ci deploy', expires_at: null, tenant: globex }),
    makeKey({ name: 'old script', expires_at: isoFromNow(-2 * HOUR) }),
  ];
}

export interface KeyListRequest {
  where: unknown;
  order_by: unknown;
  limit: number;
  offset: number;
}

export function keyListHandlers(keys: FakeKey[], requests: KeyListRequest[] = []) {
  return [
    graphql.query('ApiKeysPage', ({ variables }) => {
      const v = variables as KeyListRequest;
      requests.push(v);
      const page = keys.slice(v.offset, v.offset + v.limit);
      return HttpResponse.json({
        data: {
          auth_api_key: page.map(({ agents: _agents, ...k }) => ({
            __typename: 'auth_api_key',
            ...k,
            tenant: { __typename: 'tenant', ...k.tenant },
            created_by: k.created_by && { __typename: 'api_key_user', ...k.created_by },
          })),
          auth_api_key_aggregate: {
            __typename: 'aggregate_result',
            aggregate: { __typename: 'aggregate_count', count: keys.length },
          },
        },
      });
    }),
    graphql.query('RevokeKeyAgents', ({ variables }) => {
      const key = keys.find((k) => k.id === variables.id);
      const agents = (key?.agents ?? []).map((a) => ({ __typename: 'agent', ...a }));
      return HttpResponse.json({ data: { auth_api_key: key ? [{ __typename: 'auth_api_key', id: key.id, agents }] : [] } });
    }),
    // Sets the fields sent, as update_api_key does, and answers the key's changed fields.
    graphql.mutation('UpdateApiKey', ({ variables }) => {
      const input = variables.input as { key_id: string; name?: string; expires_at?: string; description?: string | null };
      const key = keys.find((k) => k.id === input.key_id);
      if (!key) return HttpResponse.json({ data: null, errors: [{ message: 'API key not found.', extensions: { code: 'NOT_FOUND' } }] });
      if (input.name !== undefined) key.name = input.name;
      if (input.expires_at !== undefined) key.expires_at = input.expires_at;
      if (input.description !== undefined) key.description = input.description;
      const { id, name, expires_at, description } = key;
      return HttpResponse.json({
        data: { update_api_key: { __typename: 'auth_api_key', id, name, expires_at, description, updated: new Date().toISOString() } },
      });
    }),
    graphql.mutation('RevokeApiKey', ({ variables }) => {
      const index = keys.findIndex((k) => k.id === variables.input.key_id);
      if (index >= 0) keys.splice(index, 1);
      return HttpResponse.json({
        data: { delete_api_key: { __typename: 'success_payload', success: index >= 0, error: null } },
      });
    }),
  ];
}

/** The page's table; the first render of a test file also loads the lazy routes, so allow time. */
export function findKeysTable() {
  return screen.findByRole('table', { name: 'API keys' }, { timeout: 10_000 });
}
