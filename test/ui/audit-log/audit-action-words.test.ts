import { describe, expect, it } from 'vitest';
import { actionLabel, causeLabel } from '../../../src/ui/features/audit-log/audit-actions';

// An edit's cause is the list of fields it changed (api_key.update), in people's words.
describe('the words for an edited key', () => {
  it('names the action and the fields changed, never reading the list as a cause', () => {
    expect(actionLabel('api_key.update')).toBe('Edited API key');
    expect(causeLabel('name,expires_at,description', 'api_key.update')).toBe('Changed name, expiry, description');
    expect(causeLabel('description', 'api_key.update')).toBe('Changed description');
    expect(causeLabel('member_removed', 'api_key.revoke')).toBe('Owner removed from the tenant');
  });
});
