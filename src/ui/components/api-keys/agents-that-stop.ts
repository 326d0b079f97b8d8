import { formatTimeSince, JUST_NOW } from '../../../shared/relative-time';

/** An agent seen with a key, as the revoke and remove dialogs read it. */
export interface SeenAgent {
  id: string;
  name: string;
  last_queried: string;
}

const RECENT_MS = 3_600_000;
/** Names listed before "and N more": the sentence must stay one a person reads. */
const NAMED = 5;

/**
 * "2 agents used this key in the last hour and will stop: prod-agent-1 (just now),
 * night-shift (12 minutes ago).", or null when none did. Agents seen earlier are left
 * out: an agent that stopped a day ago stops nothing.
 */
export function agentsThatStop(agents: readonly SeenAgent[], now: Date, used: 'this key' | 'its keys'): string | null {
  const recent = agents
    .filter((agent) => now.getTime() - Date.parse(agent.last_queried) < RECENT_MS)
    .sort((a, b) => Date.parse(b.last_queried) - Date.parse(a.last_queried));
  if (recent.length === 0) return null;
  const named = recent.slice(0, NAMED).map((agent) => {
    const since = formatTimeSince(new Date(agent.last_queried), now);
    return `${agent.name} (${since === JUST_NOW ? 'just now' : since})`;
  });
  const more = recent.length - named.length;
  const count = recent.length === 1 ? '1 agent' : `${recent.length} agents`;
  return `${count} used ${used} in the last hour and will stop: ${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}.`;
}
