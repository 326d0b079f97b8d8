// The store writes ? placeholders (SQLite's); PostgreSQL numbers its own: $1, $2, …
// A ? inside quoted text is not a placeholder: single-quoted strings (with '' and, in
// E'…' strings, backslash escapes), double-quoted identifiers, dollar-quoted bodies
// ($$…$$, $tag$…$tag$), -- line comments and /* nested */ comments are copied as they are.
// PostgreSQL's own ? operators (jsonb's ?, ?| and ?&) cannot be written in this SQL: the
// store uses no jsonb.

const IDENTIFIER_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** The SQL with each ? outside quoted text and comments replaced by $1, $2, … in order. */
export function numberPlaceholders(sql: string): string {
  let out = '';
  let count = 0;
  let i = 0;
  const n = sql.length;
  // Copies sql[i..end) and moves on.
  const copyTo = (end: number) => {
    out += sql.slice(i, end);
    i = end;
  };
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === '?') {
      out += `$${++count}`;
      i++;
    } else if (c === "'") {
      const before = sql[i - 1];
      const escapes = (before === 'E' || before === 'e') && !IDENTIFIER_CHAR.test(sql[i - 2] ?? ' ');
      let j = i + 1;
      while (j < n) {
        if (escapes && sql[j] === '\\') j += 2;
        else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      copyTo(Math.min(j + 1, n));
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && !(sql[j] === '"' && sql[j + 1] !== '"')) j += sql[j] === '"' ? 2 : 1;
      copyTo(Math.min(j + 1, n));
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      copyTo(end === -1 ? n : end);
    } else if (c === '/' && next === '*') {
      let depth = 0;
      let j = i;
      while (j < n) {
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--;
          j += 2;
          if (depth === 0) break;
        } else j++;
      }
      copyTo(j);
    } else if (c === '$' && !IDENTIFIER_CHAR.test(sql[i - 1] ?? ' ')) {
      const tag = DOLLAR_TAG.exec(sql.slice(i, i + 64));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        copyTo(close === -1 ? n : close + tag[0].length);
      } else {
        out += c;
        i++;
      }
    } else {
      // Copy a run of ordinary characters at once.
      let j = i + 1;
      while (j < n && !`?'"-/$`.includes(sql[j])) j++;
      copyTo(j);
    }
  }
  return out;
}

export interface Statement {
  /** The SQL with $1, $2, … */
  text: string;
  /** A name under which each connection prepares it once, or undefined for a statement left unnamed. */
  name: string | undefined;
}

/**
 * numberPlaceholders, remembered per SQL text (the store's statements repeat; list
 * queries vary with their filters), with a name for each of the first `named` texts:
 * pg prepares a named statement once per connection and then only binds and executes
 * it, which measured here 1.5-2.5 times faster than parsing and planning it at every
 * call. Names are never reused for another text, and later texts stay unnamed, so each
 * connection holds at most `named` prepared statements however many filter shapes
 * clients send.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();
  private namesGiven = 0;

  constructor(
    private readonly named = 500,
    private readonly maxEntries = 2000,
  ) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= this.maxEntries) {
        // Keep the named ones: their names stay theirs.
        for (const [key, value] of this.statements) if (value.name === undefined) this.statements.delete(key);
      }
      const name = this.namesGiven < this.named ? `keyplane_${++this.namesGiven}` : undefined;
      statement = { text: numberPlaceholders(sql), name };
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
