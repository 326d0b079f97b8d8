import { ApiError, badInput } from '../errors.js';
import type { BoolExp, OrderBy, Page } from '../store/types.js';

// A list asked for with `limit` answers that page. Without one it answers every row the
// caller may see, as Hasura does, up to UNPAGED_ROWS_PER_REQUEST; when more match, it
// is an error naming the cap, never a list that stops short without saying so
// (DESIGN.md).
//
// The cap is one request's, shared by all its lists without `limit` (aliases and the
// operations of a batch included): twenty aliases of one list cannot read twenty times
// the cap. The cost measure (query-limits.ts) counts such a list as MAX_LIMIT rows, so
// it bounds the fields asked for each row; this bounds the rows.

/** The largest page, asked for with `limit`. */
export const MAX_LIMIT = 1000;
/** The most rows that the lists asked for without `limit` answer in one request, together. */
export const UNPAGED_ROWS_PER_REQUEST = 10_000;
const MAX_OFFSET = 1_000_000;

export interface PageArguments {
  where?: unknown;
  order_by?: unknown;
  limit?: number | null;
  offset?: number | null;
}

/** What one request's unpaged lists have left, and the read under way (they read one at a time). */
interface UnpagedBudget {
  left: number;
  turn: Promise<unknown>;
}

/** Keyed by the request (context.request): a batch's operations share one context's request. */
const budgets = new WeakMap<object, UnpagedBudget>();

function checkPage(args: PageArguments, limit: number): Page {
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw badInput('offset', `offset must be between 0 and ${MAX_OFFSET}.`);
  return { where: (args.where as BoolExp | null) ?? null, orderBy: (args.order_by as OrderBy | null) ?? null, limit, offset };
}

const tooManyRows = () =>
  new ApiError(
    'BAD_USER_INPUT',
    `More rows match than lists without limit answer (at most ${UNPAGED_ROWS_PER_REQUEST} rows in one request, all such lists together): page with limit and offset.`,
    { field: 'limit', limit: 'unpaged_rows', max: UNPAGED_ROWS_PER_REQUEST },
  );

/**
 * The rows `list` reads for the page the arguments ask for; without `limit`, all of
 * them or an error. `request` is the one the request's unpaged lists share a budget in.
 */
export async function listPage<T>(request: object, args: PageArguments, list: (page: Page) => Promise<T[]>): Promise<T[]> {
  if (args.limit !== null && args.limit !== undefined) {
    if (!Number.isInteger(args.limit) || args.limit < 0 || args.limit > MAX_LIMIT) throw badInput('limit', `limit must be between 0 and ${MAX_LIMIT}.`);
    return list(checkPage(args, args.limit));
  }
  let budget = budgets.get(request);
  if (!budget) budgets.set(request, (budget = { left: UNPAGED_ROWS_PER_REQUEST, turn: Promise.resolve() }));
  const own = budget;
  // One at a time, so that each reads at most what the ones before it left (one row
  // more, to tell whether more match): the request never reads much beyond its cap.
  const read = own.turn.then(async () => {
    const page = checkPage(args, own.left + 1);
    const rows = await list(page);
    if (rows.length > own.left) throw tooManyRows();
    own.left -= rows.length;
    return rows;
  });
  own.turn = read.catch(() => undefined);
  return read;
}
