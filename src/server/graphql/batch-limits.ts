import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { checkQueryLimits, measureQueryOnce, type QueryMeasure } from './query-limits.js';

// A batch (a JSON array of operations, http/graphql-request.ts) may ask for no more than
// one request could: its operations' measures are added up (aliases and costs; a depth
// is the deepest one's), and when the sum is over a limit every operation of the batch
// is refused before any of them runs.

type Limits = Parameters<typeof checkQueryLimits>[1];

interface BatchItem {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** The sum for each batch, measured when its first operation is about to run. */
const sums = new WeakMap<object, QueryMeasure>();

function measureBatch(schema: GraphQLSchema, batch: readonly BatchItem[], maxTokens: number): QueryMeasure {
  const total: Record<string, number> = {};
  for (const item of batch) {
    // The request gate has parsed each text with the same limit already: this cannot fail.
    const document = parse(item.query as string, { maxTokens, noLocation: true });
    const variables = (item.variables ?? {}) as Record<string, unknown>;
    const one = measureQueryOnce(schema, document, typeof item.operationName === 'string' ? item.operationName : null, variables);
    for (const [name, value] of Object.entries(one) as [string, number][]) {
      total[name] = /depth/i.test(name) ? Math.max(total[name] ?? 0, value) : (total[name] ?? 0) + value;
    }
  }
  return total as unknown as QueryMeasure;
}

/**
 * The refusal for an operation about to run, or null: measured alone when the request
 * holds one operation, with the rest of its batch when it holds several.
 */
export function checkOperationLimits(
  schema: GraphQLSchema,
  request: { body?: unknown },
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: Limits,
  maxTokens: number,
): GraphQLError | null {
  const batch = Array.isArray(request.body) && request.body.length > 1 ? (request.body as BatchItem[]) : null;
  if (!batch) return checkQueryLimits(measureQueryOnce(schema, document, operationName, variables), limits);
  let sum = sums.get(request);
  if (!sum) sums.set(request, (sum = measureBatch(schema, batch, maxTokens)));
  const refusal = checkQueryLimits(sum, limits);
  return refusal && new GraphQLError(`The batch's ${batch.length} operations together: ${refusal.message}`, { extensions: refusal.extensions });
}

/**
 * The operation name a request gave for the operation about to run: its batch item's
 * (Mercurius numbers a batch's operations in context.operationId), else the body's or,
 * for a GET, the query string's.
 */
export function operationNameOf(request: { body?: unknown; query?: unknown }, context: { operationId?: number }): string | undefined {
  const params = (Array.isArray(request.body) ? request.body[context.operationId ?? 0] : (request.body ?? request.query)) as BatchItem | undefined;
  return typeof params?.operationName === 'string' ? params.operationName : undefined;
}
