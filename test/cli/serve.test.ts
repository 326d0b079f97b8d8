import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runKeyplane, startKeyplane, temporaryHome } from './helpers.js';
import { spawnKeyplane } from './keyplane-server.js';

// `keyplane serve`: once as `npm start` runs it, a child process on a free port; the rest in-process.

let home: ReturnType<typeof temporaryHome>;
let dataDir: string;
beforeEach(() => {
  home = temporaryHome();
  dataDir = mkdtempSync(join(tmpdir(), 'keyplane-cli-serve-'));
});
afterEach(() => {
  home.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('keyplane serve', () => {
  it('prints its URL, answers GraphQL there, and stops cleanly on Ctrl-C', async () => {
    const run = spawnKeyplane(['serve', '--port', '0', '--data-dir', dataDir, '--no-build'], { home: home.dir });
    try {
      await run.waitFor(/Press Ctrl-C to stop/, 30_000);
      const url = run.stdout().match(/Keyplane is running at (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      expect(url, run.output()).toBeDefined();
      expect(run.stdout()).toContain(`GraphQL API: ${url}/graphql`);
      expect(run.stdout()).toContain(join(dataDir, 'keyplane.db'));
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ setup_required }' }),
      });
      expect(await response.json()).toEqual({ data: { setup_required: true } });
      run.child.kill('SIGINT');
      const { code } = await run.exited;
      expect(code).toBe(ExitCode.OK);
      expect(run.stdout()).toContain('Stopped.');
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('--demo prints the demo sign-ins', async () => {
    const run = startKeyplane(['serve', '--port', '0', '--data-dir', dataDir, '--no-build', '--demo'], { home: home.dir });
    await run.waitFor(/Press Ctrl-C to stop/, 30_000);
    run.stop();
    const { code, stdout } = await run.done;
    expect(code).toBe(ExitCode.OK);
    expect(stdout).toMatch(/Demo sign-ins/);
    expect(stdout).toMatch(/admin@acme\.test\s+password: \S+\s+role: Administrator/);
  });

  it('says when the port is taken (exit 1)', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const run = await runKeyplane(['serve', '--port', String(port), '--data-dir', dataDir, '--no-build'], { home: home.dir });
      expect(run.code).toBe(ExitCode.ERROR);
      expect(run.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
