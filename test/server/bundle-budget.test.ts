import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReport, GRAPHIQL_ONLY, MUST_BE_LAZY, type BundleReport } from '../../scripts/bundle-report.js';

// The UI bundle budget (issue 7): the JavaScript a first visit to "/" downloads —
// the entry script of index.html, its modulepreload links, and the lazy chunks of
// the route a signed-in user lands on (/:tenant/user/keys) — is at most 250 kB gzip.
// Bytes are deterministic, so the budget is a test. GraphiQL (/graphiql) is a page of
// its own: not in the budget, and reported on its own lines.
//
// The build goes to a fresh temporary directory (not dist/ui, which the e2e suite
// and a running server may be reading), with a manifest to follow the route's chunks.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let report: BundleReport;

beforeAll(async () => {
  const env = { ...process.env, NODE_ENV: 'production' };
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bundle-report.ts', '--json'], {
    cwd: ROOT,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  report = JSON.parse(stdout.trim().split('\n').at(-1)!) as BundleReport;
}, 300_000);

describe('UI bundle budget', () => {
  it("counts the entry script and the landing routes' code", () => {
    expect(report.files[0].why).toBe('entry script');
    const counted = report.modules.map((m) => m.id.replaceAll('\\', '/'));
    for (const route of ['src/ui/app/tenant-layout.tsx', 'src/ui/features/api-keys/api-keys-page.tsx']) {
      expect(
        counted.some((id) => id.endsWith(route)),
        route,
      ).toBe(true);
    }
    // React and MUI alone are well over 100 kB gzip: a smaller total means the report missed files.
    expect(report.totalGzipBytes).toBeGreaterThan(100_000);
  });

  it('writes a Brotli and a gzip version of every script of the first page, which the server sends as they are', () => {
    // Files of a few dozen bytes do not shrink, and are left as they are.
    for (const f of report.files.filter((file) => file.bytes >= 1000)) {
      expect(f.precompressed, f.file).toEqual(['br', 'gz']);
      expect(f.transferredBytes, f.file).toBeLessThan(f.gzipBytes);
    }
    expect(report.totalTransferredBytes).toBeLessThan(report.totalGzipBytes);
  });

  it('keeps the first page within 250 kB of gzipped JavaScript', () => {
    expect(report.totalGzipBytes, `\n${formatReport(report)}\n`).toBeLessThanOrEqual(report.budgetBytes);
  });

  it('keeps GraphiQL out of the first page and reports it on its own', () => {
    const packageOrFolder = (id: string) => id.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1').replace(/^.*\/(src\/ui\/)/, '$1');
    const inFirstPage = report.modules.map((m) => m.id.replaceAll('\\', '/')).filter((id) => GRAPHIQL_ONLY.some((pattern) => pattern.test(id)));
    expect([...new Set(inFirstPage.map(packageOrFolder))], 'GraphiQL modules in the first page').toEqual([]);
    expect(report.files.some((f) => /graphiql|monaco|worker/i.test(f.file))).toBe(false);

    const graphiql = report.graphiql!;
    expect(graphiql.entry.file).toMatch(/^assets\/graphiql-.*\.js$/);
    // Monaco alone is over a megabyte: a smaller total means the report missed its chunks.
    expect(graphiql.totalBytes).toBeGreaterThan(1_000_000);
    expect(graphiql.files.map((f) => f.file)).toEqual(expect.arrayContaining([expect.stringMatching(/^assets\/editor\.worker-.*\.js$/)]));
    // Shared chunks (React) load with the app and are counted there, not twice.
    expect(graphiql.files.filter((f) => report.files.some((first) => first.file === f.file))).toEqual([]);
    expect(formatReport(report)).toMatch(/^GraphiQL at \/graphiql.*not in the budget/m);
  });

  it('loads the date picker and the dialogs only when they open', () => {
    const eager = report.modules.map((m) => m.id).filter((id) => MUST_BE_LAZY.some((pattern) => pattern.test(id.replaceAll('\\', '/'))));
    const shown = [...new Set(eager.map((id) => id.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1').replace(/^.*\/(src\/ui\/)/, '$1')))];
    expect(shown, 'modules in the first page that should load lazily').toEqual([]);
  });
});
