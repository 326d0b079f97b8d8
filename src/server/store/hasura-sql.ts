import { badInput } from '../errors.js';
import type { BoolExp, OrderBy } from './types.js';

// Compiles Hasura-style `where` / `order_by` objects into SQL fragments with bound
// parameters. Field and operator names are checked by the GraphQL schema first;
// they are checked again here against an allow-list, so no client text ever
// reaches the SQL except as a bound parameter.

export interface EntitySpec {
  fields: Record<string, string>;
  relations?: Record<string, EntitySpec>;
}

const MAX_DEPTH = 8;
const MAX_IN_LIST = 1000;

const COMPARISONS: Record<string, string> = {
  _eq: '=',
  _neq: '<>',
  _gt: '>',
  _gte: '>=',
  _lt: '<',
  _lte: '<=',
};

export function compileWhere(spec: EntitySpec, exp: BoolExp | null | undefined, params: unknown[], depth = 0): string {
  if (!exp) return '1';
  if (depth > MAX_DEPTH) throw badInput('where', `where is nested more than ${MAX_DEPTH} levels deep.`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(exp)) {
    if (value === undefined) continue;
    if (key === '_and' || key === '_or') {
      const list = value as BoolExp[];
      if (list.length === 0) {
        parts.push(key === '_and' ? '1' : '0');
        continue;
      }
      const joined = list.map((item) => `(${compileWhere(spec, item, params, depth + 1)})`).join(key === '_and' ? ' AND ' : ' OR ');
      parts.push(`(${joined})`);
    } else if (key === '_not') {
      parts.push(`NOT (${compileWhere(spec, value as BoolExp, params, depth + 1)})`);
    } else if (key in spec.fields) {
      parts.push(compileComparison(key, spec.fields[key], value as Record<string, unknown>, params));
    } else if (spec.relations && key in spec.relations) {
      parts.push(`(${compileWhere(spec.relations[key], value as BoolExp, params, depth + 1)})`);
    } else {
      throw badInput('where', `Unknown field "${key}" in where.`);
    }
  }
  return parts.length ? parts.join(' AND ') : '1';
}

function compileComparison(field: string, column: string, ops: Record<string, unknown> | null, params: unknown[]): string {
  if (!ops) throw badInput('where', `where.${field} needs an operator such as _eq.`);
  const parts: string[] = [];
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined) continue;
    if (value === null) throw badInput('where', `where.${field}.${op} cannot be null; use _is_null.`);
    if (op in COMPARISONS) {
      parts.push(`${column} ${COMPARISONS[op]} ?`);
      params.push(value);
    } else if (op === '_in' || op === '_nin') {
      const list = value as unknown[];
      if (list.length > MAX_IN_LIST) throw badInput('where', `where.${field}.${op} takes at most ${MAX_IN_LIST} values.`);
      if (list.length === 0) {
        parts.push(op === '_in' ? '0' : '1');
        continue;
      }
      parts.push(`${column} ${op === '_in' ? 'IN' : 'NOT IN'} (${list.map(() => '?').join(', ')})`);
      params.push(...list);
    } else if (op === '_is_null') {
      parts.push(value ? `${column} IS NULL` : `${column} IS NOT NULL`);
    } else if (op === '_ilike') {
      parts.push(`lower(${column}) LIKE lower(?)`);
      params.push(value);
    } else {
      throw badInput('where', `Unknown operator "${op}" on where.${field}.`);
    }
  }
  return parts.length ? parts.join(' AND ') : '1';
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
        if (!direction) throw badInput('order_by', `Unknown direction "${String(value)}" in order_by.`);
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
