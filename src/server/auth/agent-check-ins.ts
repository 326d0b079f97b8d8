import type { FastifyRequest } from 'fastify';
import { AGENT_LABELS_HEADER, AGENT_NAME_HEADER, MAX_AGENT_LABELS, readAgentHeaders } from '../../shared/agents.js';
import { checkNameText } from '../../shared/names.js';
import type { AgentCheckIn, Store } from '../store/types.js';
import { ThrottledWrites, type ThrottledWriteEvents } from './throttled-writes.js';

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Keyplane's agent names itself (X-Keyplane-Agent) on the check-ins it sends anyway: each
 * such request with a key that authenticated is the agent seen. As KeyUsage does for
 * last_used_at, an agent is written at most once a minute per process, in one batch a
 * second later (ThrottledWrites), so a check-in every few seconds costs no write of its
 * own. A header that is not a valid name is ignored: being seen must never make a
 * check-in fail.
 */
export class AgentCheckIns {
  private readonly writes: ThrottledWrites<AgentCheckIn>;

  constructor(store: Pick<Store, 'recordAgentCheckIns'>, events: ThrottledWriteEvents = {}) {
    this.writes = new ThrottledWrites((checkIns) => store.recordAgentCheckIns([...checkIns.values()]), events);
  }

  /** Called once a request has authenticated. */
  noteRequest(request: FastifyRequest, now = Date.now()): void {
    const principal = request.principal;
    if (!principal?.apiKeyId || !principal.tenantId) return;
    const nameHeader = single(request.headers[AGENT_NAME_HEADER]);
    if (nameHeader === undefined) return;
    const agent = readAgentHeaders(nameHeader, single(request.headers[AGENT_LABELS_HEADER]));
    if (!agent || agent.labels.length > MAX_AGENT_LABELS) return;
    const name = checkNameText(agent.name);
    const labels = agent.labels.map((label) => checkNameText(label));
    if (!name.ok || !labels.every((label) => label.ok)) return;
    const checked = labels.map((label) => (label.ok ? label.name : ''));
    const identity = JSON.stringify([principal.apiKeyId, name.name, checked]);
    this.writes.add(
      identity,
      {
        tenantId: principal.tenantId,
        apiKeyId: principal.apiKeyId,
        userId: principal.userId,
        name: name.name,
        labels: checked,
        sourceAddress: request.ip,
        at: new Date(now).toISOString(),
      },
      now,
    );
  }

  flush(): Promise<void> {
    return this.writes.flush();
  }

  /** Writes what is pending and stops recording: called before the store closes. */
  close(): Promise<void> {
    return this.writes.close();
  }
}
