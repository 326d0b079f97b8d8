import type { FastifyRequest } from 'fastify';

// Prefect 1.x clients send X-Prefect-Core-Version with every request, and raise on any
// HTTP error status before reading the answer: a 401 reaches their user as a traceback
// of requests.HTTPError. What makes them print their own message ("Unauthorized.
// Invalid Prefect Cloud API key.") is an answer they read: HTTP 200 with
// UNAUTHENTICATED in `errors`, as Prefect Cloud answered. So for them alone an
// authentication failure is sent that way (http/graphql-routes.ts), and a key used
// outside its tenant is UNAUTHENTICATED too, which they report as "not valid for that
// tenant". Every other client keeps Keyplane's 401 and 403 (docs/prefect-compatibility.md).

export const PREFECT_VERSION_HEADER = 'x-prefect-core-version';

export function isPrefectClient(request: FastifyRequest): boolean {
  return request.headers[PREFECT_VERSION_HEADER] !== undefined;
}
