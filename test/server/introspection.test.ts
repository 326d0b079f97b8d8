import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaSource } from '../../src/server/graphql/index.js';
import { MAX_INTROSPECTION_DEPTH } from '../../src/server/graphql/query-limits.js';
import { spawnKeyplane } from '../cli/keyplane-server.js';
import { temporaryHome } from '../cli/helpers.js';
import type { Auth } from './harness.js';
import { listeningWorld } from './listening.js';

// The schema as integrators' tools read it: the standard introspection query under the
// default limits (anonymously too: the schema is public), graphql-codegen loading it
// from the URL, and the SDL at GET /graphql/schema.graphql. Introspection has its own
// depth and cost rules, which neither lift nor are lifted by the data's.

const REPO = process.cwd();
/** The file's schema as graphql-js prints it: what every tool must get back. */
const FILE_SDL = printSchema(buildSchema(schemaSource));

const live = listeningWorld();

const introspect = (query: string, auth: Auth = {}) => live.server.gql<IntrospectionQuery>(query, {}, auth);
const refusal = (result: { status: number; errors?: { message: string; extensions: Record<string, unknown> }[] }) => ({
  status: result.status,
  ...result.errors?.[0]?.extensions,
});

describe('the standard introspection query', () => {
  it('answers anonymously, with a key and with a session, under the default limits, with the whole schema', async () => {
    const callers: Record<string, Auth> = {
      anonymously: {},
      'with a key': { key: live.world.keys.reader.key },
      'with a session': { cookie: live.world.sessions.reader },
    };
    for (const [caller, auth] of Object.entries(callers)) {
      const result = await introspect(getIntrospectionQuery(), auth);
      expect({ caller, status: result.status, errors: result.errors }).toEqual({ caller, status: 200, errors: undefined });
      expect(printSchema(buildClientSchema(result.data))).toBe(FILE_SDL);
    }
  });

  it('answers with every option graphql-js has, and twice in one document', async () => {
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const result = await introspect(full);
    expect(result.errors).toBeUndefined();
    expect(printSchema(buildClientSchema(result.data))).toBe(FILE_SDL);
    const twice = full.replace('__schema {', 'again: __schema { queryType { name } } __schema {');
    expect((await introspect(twice)).errors).toBeUndefined();
  });

  it("is what graphql-codegen's own loader gets from the URL: the file's schema, descriptions included", async () => {
    const [output] = (await generate({ schema: live.url, generates: { 'schema.graphql': { plugins: ['schema-ast'] } }, silent: true, cwd: REPO }, false)) as {
      content: string;
    }[];
    // schema-ast prints the types in alphabetical order.
    const sorted = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));
    expect(sorted(output.content)).toBe(sorted(schemaSource));
  }, 60_000);
});

describe('GET /graphql/schema.graphql', () => {
  it("serves the live schema as SDL, equal to the file's, descriptions included (the scalars' too)", async () => {
    const sdl = printSchema(live.server.app.graphql.schema);
    expect(sdl).toBe(FILE_SDL);
    expect(sdl).toContain('"""ISO-8601 timestamp in UTC (Hasura spelling)."""\nscalar timestamptz');
    const response = await fetch(`${live.url}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(`${sdl}\n`);
    const again = await fetch(`${live.url}/schema.graphql`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('introspection has limits of its own', () => {
  const typeRefs = (levels: number) => `{ __schema { types { fields { type ${'{ ofType '.repeat(levels)}{ name }${' }'.repeat(levels)} } } } }`;

  it(`allows introspection ${MAX_INTROSPECTION_DEPTH} levels deep and refuses more`, async () => {
    // __schema, types, fields, type and name are five levels; each ofType one more.
    const deepest = await introspect(typeRefs(MAX_INTROSPECTION_DEPTH - 5));
    expect(deepest.errors).toBeUndefined();
    const tooDeep = await introspect(typeRefs(MAX_INTROSPECTION_DEPTH - 4));
    expect(refusal(tooDeep)).toMatchObject({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'introspection_depth',
      max: MAX_INTROSPECTION_DEPTH,
      actual: MAX_INTROSPECTION_DEPTH + 1,
    });
  });

  it('refuses nested lists of types, fields and arguments that graphql-js lets through, well within the depth allowance', async () => {
    // graphql-js refuses fields, inputFields, interfaces and possibleTypes nested three deep;
    // types, args and enumValues multiply too.
    const nested = await introspect(`{ __schema { types { fields { args { type { fields { args { type { enumValues { name } } } } } } } } } }`);
    expect(refusal(nested)).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', limit: 'introspection_cost' });
    const { actual, max } = nested.errors![0].extensions as unknown as { actual: number; max: number };
    expect(actual).toBeGreaterThan(max);
    expect(nested.data ?? null).toBeNull();
  });

  it('counts aliases inside introspection against the alias limit', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: queryType { name }`).join(' ');
    expect(refusal(await introspect(`{ __schema { ${aliases} } }`))).toMatchObject({ status: 400, limit: 'aliases' });
  });

  it("keeps the data's depth limit beside introspection", async () => {
    // Inline fragments count as levels: auth_info { user_id } at 10 of them is 12 deep, at 11 it is 13.
    const data = (levels: number) => `${'... on Query { '.repeat(levels)}auth_info { user_id }${' }'.repeat(levels)}`;
    const withIntrospection = (levels: number) => getIntrospectionQuery().replace('__schema {', `${data(levels)} __schema {`);
    const deepest = await introspect(withIntrospection(10), { key: live.world.keys.reader.key });
    expect(deepest.errors).toBeUndefined();
    const tooDeep = await introspect(withIntrospection(11), { key: live.world.keys.reader.key });
    expect(refusal(tooDeep)).toMatchObject({ status: 400, limit: 'depth', max: 12, actual: 13 });
  });

  it("keeps the data's cost limit beside introspection", async () => {
    const wide = `user_view_same_tenant { ${'id '.repeat(60)} }`;
    const result = await introspect(getIntrospectionQuery().replace('__schema {', `${wide} __schema {`), { cookie: live.world.sessions.admin });
    expect(refusal(result)).toMatchObject({ status: 400, limit: 'cost', actual: 60_001 });
  });

  it('measures fragments spread within fragments by their text, not by walking their expansion (2^40 here)', async () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const query = `{ ...F0 }\n${fragments}\nfragment F${levels} on Query { auth_info { user_id } }`;
    const started = Date.now();
    const result = await introspect(query, { key: live.world.keys.reader.key });
    expect(Date.now() - started).toBeLessThan(2_000);
    // Each spread counts: the measure is an upper bound, so this is refused, and at once.
    expect(refusal(result)).toMatchObject({ status: 400, limit: 'cost', actual: 2 ** 41 });
  });
});

describe('graphql-codegen from the URL of a running server', () => {
  it("generates types with the docs' codegen.ts and document, as a user runs them (npx graphql-codegen)", async () => {
    const home = temporaryHome();
    const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-codegen-data-'));
    const project = mkdtempSync(join(tmpdir(), 'keyplane-codegen-project-'));
    const keyplane = spawnKeyplane(['serve', '--port', '0', '--data-dir', dataDir, '--no-build'], { home: home.dir });
    try {
      await keyplane.waitFor(/Press Ctrl-C to stop/, 30_000);
      const origin = keyplane.stdout().match(/Keyplane is running at (http:\/\/127\.0\.0\.1:\d+)/)![1];
      // The example as docs/graphql-api.md gives it, pointed at this server's port.
      const docs = readFileSync(join(REPO, 'docs/graphql-api.md'), 'utf8');
      const block = (name: string) => docs.match(new RegExp(`<!-- ${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``))?.[1];
      const config = block('codegen.ts');
      const document = block('src/my-keys.graphql');
      expect(config, 'docs/graphql-api.md has the codegen.ts example').toBeDefined();
      expect(document, 'docs/graphql-api.md has the document example').toBeDefined();
      writeFileSync(join(project, 'codegen.ts'), config!.replaceAll('http://127.0.0.1:4200', origin));
      mkdirSync(join(project, 'src'));
      writeFileSync(join(project, 'src/my-keys.graphql'), document!);
      symlinkSync(join(REPO, 'node_modules'), join(project, 'node_modules'));
      const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn('npx', ['graphql-codegen'], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => resolve({ code, output }));
      });
      expect(run.code, run.output).toBe(0);
      const generated = readFileSync(join(project, 'src/gql/graphql.ts'), 'utf8');
      expect(generated).toContain('export type MyKeysQuery');
      expect(generated).toMatch(/key_hint: string/);
    } finally {
      keyplane.child.kill('SIGKILL');
      await keyplane.exited;
      home.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);
});
