import { badInput } from './errors.js';
import { ALWAYS, NEVER, patternMatch } from './sql/dialect.js';
import type { Dialect, SqlValue } from './sql/driver.js';
import type { BoolExp, OrderBy } from './types.js';

// Compiles Hasura-style `where` / `order_by` objects into SQL fragments with bound
// parameters, for SQLite or PostgreSQL: the same allow-list and limits on both, the
// pattern operators as each dialect needs them (sql/dialect.ts). Field and operator
// names are checked by the GraphQL schema first; they are checked again here against an
// allow-list, so no client text ever reaches the SQL except as a bound parameter.

export interface EntitySpec {
  fields: Record<string, string>;
  relations?: Record<string, EntitySpec>;
}

const MAX_DEPTH = 8;
const MAX_IN_LIST = 1000;

// One request's filter runs on the single event loop, row by row, so its size is
// bounded: a 47 KB `where` of 990 `_or`'d `_ilike` terms over 10,000 keys once took
// 2.7 s while every other client waited. Measured on 10,000 rows, one LIKE costs
// 0.2-0.6 µs a row (patterns of many wildcards the most; a run of 50,000 `%` took 1 s,
// which is why runs are collapsed: `%%` matches what `%` does). With these bounds the
// costliest filter allowed stays under 50 ms at 10,000 keys (test/server/limits.test.ts);
// the app's own filters use one or two `_ilike` and a few comparisons.
export const FILTER_LIMITS = {
  /** Comparisons, _and/_or/_not nodes and their items, in one where. */
  terms: 50,
  /** Pattern comparisons (_like, _nlike, _ilike, _nilike together) in one where. */
  patterns: 4,
  /** Characters of one pattern (names are at most 100). */
  patternLength: 100,
  /** % and _ in one pattern. */
  wildcards: 10,
};

/** What is left of a where's allowance while it is compiled. */
interface FilterBudget {
  terms: number;
  patterns: number;
}

function spend(budget: FilterBudget, what: keyof FilterBudget): void {
  if (--budget[what] >= 0) return;
  throw what === 'terms'
    ? badInput('where', `where has more than ${FILTER_LIMITS.terms} conditions; narrow the filter.`)
    : badInput('where', `where has more than ${FILTER_LIMITS.patterns} pattern conditions (_like, _nlike, _ilike, _nilike).`);
}

/** A LIKE pattern within bounds, with runs of % collapsed (they match the same). */
function checkPattern(field: string, op: string, value: unknown): string {
  if (typeof value !== 'string') throw badInput('where', `where.${field}.${op} takes a string.`);
  const pattern = value.replace(/%{2,}/g, '%');
  if ([...pattern].length > FILTER_LIMITS.patternLength) {
    throw badInput('where', `where.${field}.${op} is longer than ${FILTER_LIMITS.patternLength} characters.`);
  }
  if ((pattern.match(/[%_]/g)?.length ?? 0) > FILTER_LIMITS.wildcards) {
    throw badInput('where', `where.${field}.${op} has more than ${FILTER_LIMITS.wildcards} wildcards (% and _).`);
  }
  return pattern;
}

/** Pattern operators: case-sensitive or not, and whether negated. */
const PATTERNS: Record<string, { caseSensitive: boolean; negated: boolean }> = {
  _like: { caseSensitive: true, negated: false },
  _nlike: { caseSensitive: true, negated: true },
  _ilike: { caseSensitive: false, negated: false },
  _nilike: { caseSensitive: false, negated: true },
};

const COMPARISONS: Record<string, string> = {
  _eq: '=',
  _neq: '<>',
  _gt: '>',
  _gte: '>=',
  _lt: '<',
  _lte: '<=',
};

/** What one compilation needs: the dialect, the parameters bound so far (appended to), and the allowance left. */
interface Compilation {
  dialect: Dialect;
  params: SqlValue[];
  budget: FilterBudget;
}

/**
 * The where as an SQL condition (ALWAYS when it has none), its values appended to
 * params in the order of their placeholders.
 */
export function compileWhere(dialect: Dialect, spec: EntitySpec, exp: BoolExp | null | undefined, params: SqlValue[]): string {
  return compile(spec, exp, { dialect, params, budget: { terms: FILTER_LIMITS.terms, patterns: FILTER_LIMITS.patterns } }, 0);
}

/** A value from the client, as bound: the schema's scalars are strings, numbers and booleans (as 0/1). */
function bound(value: unknown): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number' || value === null) return value;
  throw badInput('where', 'where compares fields with strings, numbers or booleans only.');
}

function compile(spec: EntitySpec, exp: BoolExp | null | undefined, c: Compilation, depth: number): string {
  const { budget } = c;
  if (!exp) return ALWAYS;
  if (depth > MAX_DEPTH) throw badInput('where', `where is nested more than ${MAX_DEPTH} levels deep.`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(exp)) {
    if (value === undefined) continue;
    if (key === '_and' || key === '_or') {
      spend(budget, 'terms');
      const list = value as BoolExp[];
      if (list.length === 0) {
        parts.push(key === '_and' ? ALWAYS : NEVER);
        continue;
      }
      // Each item counts, empty ones too: `_or: [{}, {}, …]` builds SQL as surely as conditions do.
      const joined = list
        .map((item) => {
          spend(budget, 'terms');
          return `(${compile(spec, item, c, depth + 1)})`;
        })
        .join(key === '_and' ? ' AND ' : ' OR ');
      parts.push(`(${joined})`);
    } else if (key === '_not') {
      spend(budget, 'terms');
      parts.push(`NOT (${compile(spec, value as BoolExp, c, depth + 1)})`);
    } else if (key in spec.fields) {
      parts.push(compileComparison(key, spec.fields[key], value as Record<string, unknown>, c));
    } else if (spec.relations && key in spec.relations) {
      parts.push(`(${compile(spec.relations[key], value as BoolExp, c, depth + 1)})`);
    } else {
      throw badInput('where', `Unknown field "${key}" in where.`);
    }
  }
  return parts.length ? parts.join(' AND ') : ALWAYS;
}

function compileComparison(field: string, column: string, ops: Record<string, unknown> | null, c: Compilation): string {
  const { params, budget } = c;
  if (!ops) throw badInput('where', `where.${field} needs an operator such as _eq.`);
  const parts: string[] = [];
  for (const [op, value] of Object.entries(ops)) {
    // A comparison with null is ignored, as Hasura (which Prefect Cloud ran) ignores it:
    // Prefect sends `slug: { _eq: $slug }, id: { _eq: $id }` with one of them null.
    // Testing for null is _is_null's job.
    if (value === undefined || value === null) continue;
    spend(budget, 'terms');
    if (op in COMPARISONS) {
      parts.push(`${column} ${COMPARISONS[op]} ?`);
      params.push(bound(value));
    } else if (op === '_in' || op === '_nin') {
      const list = value as unknown[];
      if (list.length > MAX_IN_LIST) throw badInput('where', `where.${field}.${op} takes at most ${MAX_IN_LIST} values.`);
      if (list.length === 0) {
        parts.push(op === '_in' ? NEVER : ALWAYS);
        continue;
      }
      parts.push(`${column} ${op === '_in' ? 'IN' : 'NOT IN'} (${list.map(() => '?').join(', ')})`);
      params.push(...list.map(bound));
    } else if (op === '_is_null') {
      parts.push(value ? `${column} IS NULL` : `${column} IS NOT NULL`);
    } else if (op in PATTERNS) {
      spend(budget, 'patterns');
      const match = patternMatch(c.dialect, column, checkPattern(field, op, value), PATTERNS[op]);
      parts.push(match.sql);
      params.push(match.bind);
    } else {
      throw badInput('where', `Unknown operator "${op}" on where.${field}.`);
    }
  }
  return parts.length ? parts.join(' AND ') : ALWAYS;
}

const DIRECTIONS: Record<string, string> = {
  asc: 'ASC NULLS LAST',
  asc_nulls_last: 'ASC NULLS LAST',
  asc_nulls_first: 'ASC NULLS FIRST',
  desc: 'DESC NULLS FIRST',
  desc_nulls_first: 'DESC NULLS FIRST',
  desc_nulls_last: 'DESC NULLS LAST',
};

export interface SortTerm {
  expression: string;
  direction: string;
}

/** Flattens order_by into (SQL expression, direction) terms, in the order given. */
export function compileOrderBy(spec: EntitySpec, orderBy: OrderBy | null | undefined): SortTerm[] {
  const terms: SortTerm[] = [];
  const visit = (entity: EntitySpec, item: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(item)) {
      if (value === undefined || value === null) continue;
      if (key in entity.fields) {
        const direction = DIRECTIONS[value as string];
        if (!direction) throw badInput('order_by', `Unknown direction ${JSON.stringify(value)} in order_by.`);
        terms.push({ expression: entity.fields[key], direction });
      } else if (entity.relations && key in entity.relations) {
        visit(entity.relations[key], value as Record<string, unknown>);
      } else {
        throw badInput('order_by', `Unknown field "${key}" in order_by.`);
      }
    }
  };
  for (const item of orderBy ?? []) visit(spec, item);
  return terms;
}

export function orderByClause(terms: SortTerm[], tieBreaker: string): string {
  return [...terms.map((t) => `${t.expression} ${t.direction}`), `${tieBreaker} DESC`].join(', ');
}
