import { badInput } from '../errors.js';
import type { BoolExp, OrderBy, Page } from '../store/types.js';

// A list asked for with `limit` answers that page. Without one it answers every row the
// caller may see, up to MAX_LIMIT; when more match, it is an error naming `limit`, never
// a list that stops short without saying so (DESIGN.md).

/** The largest page, and the most rows a list without `limit` returns. */
export const MAX_LIMIT = 1000;
const MAX_OFFSET = 1_000_000;

export interface PageArguments {
  where?: unknown;
  order_by?: unknown;
  limit?: number | null;
  offset?: number | null;
}

/** The page to read: without `limit`, one row more than MAX_LIMIT, so that listPage can tell whether more match. */
function checkPage(args: PageArguments): Page {
  const limit = args.limit ?? MAX_LIMIT + 1;
  const offset = args.offset ?? 0;
  if (args.limit !== null && args.limit !== undefined && (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT)) {
    throw badInput('limit', `limit must be between 0 and ${MAX_LIMIT}.`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw badInput('offset', `offset must be between 0 and ${MAX_OFFSET}.`);
  return { where: (args.where as BoolExp | null) ?? null, orderBy: (args.order_by as OrderBy | null) ?? null, limit, offset };
}

/** The rows `list` reads for the page the arguments ask for; without `limit`, all of them or an error. */
export async function listPage<T>(args: PageArguments, list: (page: Page) => Promise<T[]>): Promise<T[]> {
  const rows = await list(checkPage(args));
  if ((args.limit === null || args.limit === undefined) && rows.length > MAX_LIMIT) {
    throw badInput('limit', `More than ${MAX_LIMIT} rows match: page with limit and offset.`);
  }
  return rows;
}
