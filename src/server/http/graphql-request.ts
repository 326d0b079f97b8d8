import { createHash } from 'node:crypto';
import { Kind, OperationTypeNode, parse, type DocumentNode } from 'graphql';

// The first look at a GraphQL request, before authentication, the saved answers,
// Mercurius or graphql-jit see it. Only a request whose `query` is a string that
// graphql-js's own parser accepts goes on: Mercurius would otherwise execute a
// `query` given as an object, or a string that is a JSON-encoded syntax tree
// (it falls back to JSON.parse when parsing fails), and graphql-jit writes names
// from such a tree into the code it generates.
//
// Automatic persisted queries (Apollo's protocol) are resolved here too: a request
// may send `extensions.persistedQuery.sha256Hash` instead of the text, once the text
// has been sent with its hash. The text is kept only after its hash was checked and
// it parsed, and a text found by its hash goes through the same parse as any other,
// so nothing the gate would refuse as text can come back in by hash.

/**
 * Persisted query texts kept, counted in characters: the text of every operation the
 * app sends fits in a few hundred kilobytes; past the budget the least recently used go
 * (their clients send the text again when told PersistedQueryNotFound).
 */
export const PERSISTED_QUERY_BUDGET = 4 * 2 ** 20;

/** Query texts by the SHA-256 of their text, least recently used first. */
export class PersistedQueries {
  private texts = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars: number = PERSISTED_QUERY_BUDGET) {}

  get(hash: string): string | undefined {
    const text = this.texts.get(hash);
    if (text !== undefined) {
      this.texts.delete(hash);
      this.texts.set(hash, text);
    }
    return text;
  }

  save(hash: string, text: string): void {
    if (this.texts.has(hash) || text.length > this.maxChars) return;
    this.texts.set(hash, text);
    this.chars += text.length;
    for (const [oldest, oldText] of this.texts) {
      if (this.chars <= this.maxChars) break;
      this.texts.delete(oldest);
      this.chars -= oldText.length;
    }
  }

  get size(): number {
    return this.texts.size;
  }
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What Apollo's clients (PersistedQueryLink) and others look for to send the text again. */
const PERSISTED_QUERY_NOT_FOUND: RequestProblem = { status: 200, code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' };

/** A refusal, answered as a GraphQL error body with this status. */
export interface RequestProblem {
  status: number;
  code: string;
  message: string;
  field?: string;
  locations?: readonly { line: number; column: number }[];
  headers?: Record<string, string>;
}

/**
 * The most operations one request may batch, as a JSON array (Apollo's BatchHttpLink,
 * which Prefect's legacy UI uses). Their costs are counted together (graphql/batch-limits.ts).
 */
export const MAX_BATCH_OPERATIONS = 10;
/** Deepest nesting of objects and lists in `variables`; Keyplane's deepest legitimate filter is far shallower. */
export const MAX_VARIABLES_DEPTH = 64;
/** Query texts remembered as parsed, counted in characters (about twice as many bytes). */
const KNOWN_TEXT_BUDGET = 2 * 2 ** 20;

interface Operation {
  name: string | null;
  kind: OperationTypeNode;
}

interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const badRequest = (message: string, field?: string): RequestProblem => ({ status: 400, code: 'BAD_REQUEST', message, ...(field && { field }) });

/** Depth of nested objects and lists, counted without recursion (a deep value must not overflow the stack here either). */
function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * `variables` as an object, or null; a JSON-encoded string is decoded, as Prefect
 * clients (and every GET request) send it. Returns a problem for anything else.
 */
function readVariables(raw: unknown): { variables: Record<string, unknown> | null } | RequestProblem {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return badRequest('variables is not valid JSON: send an object, or a string holding a JSON object.', 'variables');
    }
  }
  if (value === undefined || value === null) return { variables: null };
  if (!isPlainObject(value)) return badRequest('variables must be an object (or a string holding a JSON object).', 'variables');
  if (depthExceeds(value, MAX_VARIABLES_DEPTH)) return badRequest(`variables are nested more than ${MAX_VARIABLES_DEPTH} levels deep.`, 'variables');
  return { variables: value };
}

/**
 * `extensions.persistedQuery` when the request has one: null when it has none, the
 * hash, or a problem (a GET's extensions are a JSON string in the query string).
 */
function readPersistedQuery(method: string, raw: unknown): { hash: string } | RequestProblem | null {
  let extensions = raw;
  if (method === 'GET' && typeof raw === 'string') {
    try {
      extensions = JSON.parse(raw);
    } catch {
      return badRequest('extensions is not valid JSON: send a JSON object.', 'extensions');
    }
  }
  if (!isPlainObject(extensions) || extensions.persistedQuery === undefined) return null;
  const persisted = extensions.persistedQuery;
  if (!isPlainObject(persisted)) return badRequest('extensions.persistedQuery must be an object with version and sha256Hash.', 'extensions');
  if (persisted.version !== 1) return badRequest('Unsupported persisted query version: only version 1 (SHA-256) is supported.', 'extensions');
  if (typeof persisted.sha256Hash !== 'string' || !/^[0-9a-f]{64}$/i.test(persisted.sha256Hash)) {
    return badRequest('extensions.persistedQuery.sha256Hash must be 64 hexadecimal characters.', 'extensions');
  }
  return { hash: persisted.sha256Hash.toLowerCase() };
}

export class GraphQLRequestGate {
  /** The operations of each query text that parsed, so a repeated text is not parsed again here. */
  private known = new Map<string, Operation[]>();
  private knownChars = 0;

  constructor(
    private readonly maxTokens: number,
    private readonly persistedQueries = new PersistedQueries(),
  ) {}

  /**
   * Checks the request's parameters (the body of a POST, the query string of a GET)
   * and normalises `variables` in place to an object or null. Returns null when the
   * request may go on.
   */
  check(method: string, params: unknown): RequestProblem | null {
    if (!Array.isArray(params)) return this.checkOne(method, params);
    if (params.length === 0) return badRequest('A batch is a JSON array of one or more operations.');
    if (params.length > MAX_BATCH_OPERATIONS) {
      return badRequest(`A batch holds at most ${MAX_BATCH_OPERATIONS} operations; this one has ${params.length}: send them in several requests.`);
    }
    for (const [index, operation] of params.entries()) {
      const problem = this.checkOne(method, operation);
      if (problem) return { ...problem, message: `Operation ${index + 1} of the batch: ${problem.message}` };
    }
    return null;
  }

  /** One operation: the request's parameters, or one item of a batch. */
  private checkOne(method: string, params: unknown): RequestProblem | null {
    if (!isPlainObject(params)) return badRequest('Send a JSON object with a "query" string (or, with GET, a query parameter).');
    const request = params as GraphQLParams;
    const persisted = readPersistedQuery(method, request.extensions);
    if (persisted && 'status' in persisted) return persisted;
    const byHash = persisted !== null && request.query === undefined;
    if (byHash) {
      const text = this.persistedQueries.get(persisted.hash);
      if (text === undefined) return PERSISTED_QUERY_NOT_FOUND;
      request.query = text;
    }
    if (typeof request.query !== 'string') return badRequest('query must be a string holding a GraphQL document.', 'query');
    if (persisted && !byHash && sha256Hex(request.query) !== persisted.hash) {
      return badRequest('provided sha does not match query: sha256Hash must be the SHA-256 of the query text, in hex.', 'extensions');
    }
    if (request.operationName !== undefined && request.operationName !== null && typeof request.operationName !== 'string') {
      return badRequest('operationName must be a string.', 'operationName');
    }
    if (request.extensions !== undefined && request.extensions !== null && !isPlainObject(request.extensions) && method !== 'GET') {
      return badRequest('extensions must be an object.', 'extensions');
    }
    const variables = readVariables(request.variables);
    if ('status' in variables) return variables;
    if (method !== 'GET') {
      // Mercurius's body schema wants an object or null, and an object of extensions.
      if (request.variables !== undefined) request.variables = variables.variables;
      if (request.extensions === null) delete request.extensions;
    }

    const operations = this.operationsOf(request.query);
    if (!Array.isArray(operations)) return operations;
    if (persisted && !byHash) this.persistedQueries.save(persisted.hash, request.query);
    if (method === 'GET') {
      const name = request.operationName ?? null;
      const operation = name === null ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name === name);
      if (!operation)
        return badRequest(
          name === null ? 'The document has several operations: name one with operationName.' : `No operation named "${name}".`,
          'operationName',
        );
      if (operation.kind !== OperationTypeNode.QUERY) {
        return { status: 405, code: 'METHOD_NOT_ALLOWED', message: `A ${operation.kind} must be sent with POST.`, headers: { allow: 'POST' } };
      }
    }
    return null;
  }

  private operationsOf(query: string): Operation[] | RequestProblem {
    const known = this.known.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.maxTokens, noLocation: true });
    } catch (error) {
      const syntaxError = error as { message: string; locations?: { line: number; column: number }[] };
      if (/Document contains more that \d+ tokens/.test(syntaxError.message)) {
        return { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: syntaxError.message, field: 'query' };
      }
      return { ...badRequest(syntaxError.message, 'query'), ...(syntaxError.locations && { locations: syntaxError.locations }) };
    }
    const operations = document.definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? [{ name: definition.name?.value ?? null, kind: definition.operation }] : [],
    );
    if (this.knownChars + query.length > KNOWN_TEXT_BUDGET) {
      this.known = new Map();
      this.knownChars = 0;
    }
    this.known.set(query, operations);
    this.knownChars += query.length;
    return operations;
  }
}
