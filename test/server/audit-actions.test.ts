import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaSource } from '../../src/server/graphql/index.js';
import { AUDIT_ACTIONS } from '../../src/ui/features/audit-log/audit-actions.js';
import { WEBHOOK_EVENTS } from '../../src/shared/webhooks.js';

// Every action the server records is named in the schema's description of
// audit_event.action and has words in the Audit Log (else the log shows the raw name).

const SERVER_DIR = new URL('../../src/server/', import.meta.url).pathname;
const ACTION = /'((?:api_key|service_account|membership|invitation|tenant|agent|auth)\.[a-z_]+)'/g;

function recordedActions(): string[] {
  const files = readdirSync(SERVER_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.startsWith('generated'));
  const actions = new Set<string>();
  for (const file of files) for (const match of readFileSync(join(SERVER_DIR, file), 'utf8').matchAll(ACTION)) actions.add(match[1]);
  // Webhook event names (api_key.created) read like actions but are none (server/webhooks/events.ts maps actions to them).
  for (const event of WEBHOOK_EVENTS) if (!event.endsWith('.expiring') && !event.endsWith('.expired')) actions.delete(event);
  return [...actions].sort();
}

describe('audit actions', () => {
  const recorded = recordedActions();

  it('finds the actions the server records', () => {
    expect(recorded).toContain('api_key.revoke');
    expect(recorded.length).toBeGreaterThan(10);
  });

  it('names every recorded action in the schema', () => {
    const described = /"What happened, one of ([^"]+)"/.exec(schemaSource)?.[1] ?? '';
    expect(recorded.filter((action) => !new RegExp(`\\b${action.replace('.', '\\.')}\\b`).test(described))).toEqual([]);
  });

  it('gives every recorded action words in the Audit Log', () => {
    const labelled = new Set(AUDIT_ACTIONS.map((info) => info.action));
    expect(recorded.filter((action) => !labelled.has(action))).toEqual([]);
  });
});
