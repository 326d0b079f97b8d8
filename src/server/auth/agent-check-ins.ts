import type { FastifyRequest } from 'fastify';
import { AGENT_LABELS_HEADER, AGENT_NAME_HEADER, MAX_AGENT_LABELS, readAgentHeaders } from '../../shared/agents.js';
import { checkNameText } from '../../shared/names.js';
import type { AgentCheckIn, Store } from '../store/types.js';

const WRITE_INTERVAL_MS = 60_000;
const FLUSH_EVERY_MS = 1_000;
/** Agents whose last write is remembered; past this, those written longest ago are forgotten. */
const REMEMBERED_WRITES = 10_000;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Keyplane's agent names itself (X-Keyplane-Agent) on the check-ins it sends anyway: each
 * such request with a key that authenticated is the agent seen. As KeyUsage does for
 * last_used_at, an agent is written at most once a minute per process, in one batch a
 * second later, so a check-in every few seconds costs no write of its own. A header that
 * is not a valid name is ignored: being seen must never make a check-in fail.
 */
export class AgentCheckIns {
  private pending = new Map<string, AgentCheckIn>();
  private written = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly store: Pick<Store, 'recordAgentCheckIns'>,
    private readonly events: {
      /** A batch was written: saved answers that show agents' last seen go. */
      written?: () => void;
      failed?: (error: unknown) => void;
    } = {},
  ) {}

  /** Called once a request has authenticated. */
  noteRequest(request: FastifyRequest, now = Date.now()): void {
    const principal = request.principal;
    if (this.closed || !principal?.apiKeyId || !principal.tenantId) return;
    const nameHeader = single(request.headers[AGENT_NAME_HEADER]);
    if (nameHeader === undefined) return;
    const agent = readAgentHeaders(nameHeader, single(request.headers[AGENT_LABELS_HEADER]));
    if (!agent || agent.labels.length > MAX_AGENT_LABELS) return;
    const name = checkNameText(agent.name);
    const labels = agent.labels.map((label) => checkNameText(label));
    if (!name.ok || !labels.every((label) => label.ok)) return;
    const checked = labels.map((label) => (label.ok ? label.name : ''));
    const identity = JSON.stringify([principal.apiKeyId, name.name, checked]);
    const written = this.written.get(identity);
    if (written !== undefined && now - written < WRITE_INTERVAL_MS) return;
    if (this.pending.has(identity)) return;
    this.pending.set(identity, {
      tenantId: principal.tenantId,
      apiKeyId: principal.apiKeyId,
      userId: principal.userId,
      name: name.name,
      labels: checked,
      sourceAddress: request.ip,
      at: new Date(now).toISOString(),
    });
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS).unref();
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const checkIns = this.pending;
    this.pending = new Map();
    for (const [identity, checkIn] of checkIns) {
      this.written.delete(identity);
      this.written.set(identity, Date.parse(checkIn.at));
    }
    for (const identity of this.written.keys()) {
      if (this.written.size <= REMEMBERED_WRITES) break;
      this.written.delete(identity);
    }
    try {
      await this.store.recordAgentCheckIns([...checkIns.values()]);
    } catch (error) {
      this.events.failed?.(error);
      return;
    }
    this.events.written?.();
  }

  /** Writes what is pending and stops recording: called before the store closes. */
  close(): Promise<void> {
    this.closed = true;
    return this.flush();
  }
}
