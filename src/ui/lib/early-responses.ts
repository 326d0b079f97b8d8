/**
 * Answers to the first page's requests that the inline script of index.html sent while the
 * app's code was still downloading (app/first-page-requests.ts writes that script). The
 * app's HTTP link fetches through fetchWithEarlyResponses: a request whose body and tenant
 * are exactly those of an early one takes that answer instead of going out again. Each
 * answer is used once, only by the page load that fetched it, within EARLY_RESPONSE_MAX_AGE_MS
 * of being asked for, and only when it is a clean 200 with data and no errors: anything else
 * (a failed request, an error, a changed body) is fetched normally.
 */

/** The global the inline script fills. */
export const EARLY_REQUESTS_GLOBAL = '__keyplaneEarlyRequests';

export interface EarlyRequests {
  /** One per request sent, in order. */
  requests: EarlyRequest[];
  /** Every request the script will send has been sent and answered (or has failed). */
  done: boolean;
}

export interface EarlyRequest {
  /** The request body, byte for byte as the app's HTTP link writes it. */
  body: string;
  /** Its X-Tenant-Id header, null for the root client. */
  tenant: string | null;
  /** performance.now() when it was sent. */
  sentAt: number;
  response: Promise<Response>;
}

/** An answer older than this is not used: the app asks again. */
export const EARLY_RESPONSE_MAX_AGE_MS = 30_000;

function earlyRequests(): EarlyRequests | null {
  if (typeof window === 'undefined') return null;
  const early = (window as unknown as Record<string, EarlyRequests | undefined>)[EARLY_REQUESTS_GLOBAL];
  return Array.isArray(early?.requests) ? early : null;
}

/** Whether index.html's early requests have all been answered: the first page's data is then moments away. */
export function earlyResponsesArrived(): boolean {
  const early = earlyRequests();
  return Boolean(early?.done && early.requests.length > 0);
}

function take(body: string, tenant: string | null): EarlyRequest | null {
  const list = earlyRequests()?.requests;
  const index = list?.findIndex((early) => early.body === body && early.tenant === tenant) ?? -1;
  if (!list || index < 0) return null;
  const [early] = list.splice(index, 1);
  return performance.now() - early.sentAt <= EARLY_RESPONSE_MAX_AGE_MS ? early : null;
}

/** A 200 whose JSON has data and no errors; otherwise null. */
async function cleanAnswer(response: Response): Promise<Response | null> {
  if (response.status !== 200) return null;
  const answer = (await response.clone().json()) as { data?: unknown; errors?: unknown };
  return answer.data && !answer.errors ? response : null;
}

/** fetch, answered from an early request when one matches (see above). */
export const fetchWithEarlyResponses: typeof fetch = async (input, init) => {
  const body = typeof init?.body === 'string' ? init.body : null;
  const early = body === null ? null : take(body, new Headers(init?.headers).get('x-tenant-id'));
  if (early) {
    const answer = await early.response.then(cleanAnswer).catch(() => null);
    if (answer) return answer;
  }
  return fetch(input, init);
};

/** Forgets every early answer not yet used (signing in or out). */
export function dropEarlyResponses(): void {
  earlyRequests()?.requests.splice(0);
}
