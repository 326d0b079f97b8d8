import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaSource } from '../../src/server/graphql/index.js';
import { DOCS_PATH, referenceOf, renderReference } from '../../scripts/graphql-api-reference.js';
import { startServer, type Server } from './harness.js';

// The API's documentation stays true: docs/graphql-api.md's reference is what the
// schema says today, and the README's curl walk-through runs as written.

describe('docs/graphql-api.md', () => {
  it('holds the reference the schema gives today (node --import tsx scripts/graphql-api-reference.ts writes it)', () => {
    const docs = readFileSync(DOCS_PATH, 'utf8');
    expect(referenceOf(docs)).toBe(renderReference(buildSchema(schemaSource)));
  });

  it('names every query and mutation in its reference', () => {
    const schema = buildSchema(schemaSource);
    const reference = referenceOf(readFileSync(DOCS_PATH, 'utf8')) ?? '';
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(fields.filter((field) => !reference.includes(`#### ${field}\n`))).toEqual([]);
  });
});

describe("the README's walk-through with curl", () => {
  let server: Server;
  let origin: string;
  let workDir: string;
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const script = readme.match(/### A walk-through with curl[\s\S]*?```sh\n([\s\S]*?)```/)?.[1] ?? '';

  beforeAll(async () => {
    server = await startServer();
    origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
    workDir = mkdtempSync(join(tmpdir(), 'keyplane-readme-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  const run = () =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = execFile(
        'bash',
        ['-eu', '-o', 'pipefail', '-c', script.replaceAll('http://127.0.0.1:4200', origin)],
        { cwd: workDir },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
      );
      child.stdin?.end();
    });

  it('creates, uses and revokes a key on a new server, with nothing to fill in', async () => {
    expect(script).toContain('curl');
    const { code, output } = await run();
    expect(code, output).toBe(0);
    expect(output).toMatch(/"bootstrap":\{"user_id":"[0-9a-f-]{36}"\}/);
    expect(output).toMatch(/^[0-9a-f]{8}-[0-9a-f-]{27}$/m);
    expect(output).toMatch(/"api_key_id":"[0-9a-f-]{36}"/);
    expect(output).toContain('{"data":{"delete_api_key":{"success":true}}}');
    expect(output).toMatch(/HTTP\/1\.1 401 Unauthorized[\s\S]*"code":"UNAUTHENTICATED"/);
    // The key itself went to a variable, never to the screen.
    expect(output).not.toMatch(/kpu_[0-9A-Za-z]{36}/);
  }, 60_000);

  it('runs again on the same server, now set up: bootstrap is refused and the rest works', async () => {
    const { code, output } = await run();
    expect(code, output).toBe(0);
    expect(output).toContain('"code":"BAD_USER_INPUT"');
    expect(output).toContain('{"data":{"delete_api_key":{"success":true}}}');
    expect(output).toMatch(/HTTP\/1\.1 401 Unauthorized/);
  }, 60_000);
});
