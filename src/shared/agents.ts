// How Keyplane's own agent (`keyplane agent`) names itself to the API: on every check-in
// it already sends, so that being seen costs no request of its own.

/** The agent's name, as register_agent's `name`. */
export const AGENT_NAME_HEADER = 'x-keyplane-agent';
/** Its labels, comma-separated. Both headers percent-encode their values (encodeURIComponent): a header is not UTF-8. */
export const AGENT_LABELS_HEADER = 'x-keyplane-agent-labels';
/** The type such an agent is listed with, beside Prefect's LocalAgent, DockerAgent, … */
export const KEYPLANE_AGENT_TYPE = 'KeyplaneAgent';
/** Labels one agent may send, as register_agent takes. */
export const MAX_AGENT_LABELS = 100;

/** The headers for an agent's name and labels. */
export function agentHeaders(name: string, labels: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = { [AGENT_NAME_HEADER]: encodeURIComponent(name) };
  if (labels.length > 0) headers[AGENT_LABELS_HEADER] = labels.map(encodeURIComponent).join(',');
  return headers;
}

/** The name and labels the headers carry, decoded; null when they are not what agentHeaders makes. */
export function readAgentHeaders(name: string, labels: string | undefined): { name: string; labels: string[] } | null {
  try {
    return {
      name: decodeURIComponent(name),
      labels: labels === undefined || labels === '' ? [] : labels.split(',').map((label) => decodeURIComponent(label)),
    };
  } catch {
    return null;
  }
}
