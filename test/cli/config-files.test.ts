import { readFileSync, statSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authFilePath, readAuthFile, removeAuthFile, writeAuthFile } from '../../src/cli/config-files.js';
import { CliError } from '../../src/cli/exit-codes.js';
import { generateKey } from '../../src/server/auth/key-format.js';
import { temporaryHome } from './helpers.js';

let home: ReturnType<typeof temporaryHome>;
beforeEach(() => {
  home = temporaryHome();
});
afterEach(() => home.cleanup());

describe('~/.keyplane/auth.toml', () => {
  it.skipIf(process.platform === 'win32')('is written readable by its owner only, in a private directory', () => {
    const key = generateKey('kpu_');
    const path = writeAuthFile(home.dir, { api: 'http://127.0.0.1:4200', key });
    expect(path).toBe(join(home.dir, '.keyplane', 'auth.toml'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home.dir, '.keyplane')).mode & 0o777).toBe(0o700);
  });

  it('round-trips the key and URL as TOML', () => {
    const key = generateKey('kps_');
    writeAuthFile(home.dir, { api: 'https://keys.example', key });
    expect(readFileSync(authFilePath(home.dir), 'utf8')).toMatch(/^api = "https:\/\/keys\.example"$/m);
    expect(readAuthFile(home.dir)).toMatchObject({ api: 'https://keys.example', key });
  });

  it.skipIf(process.platform === 'win32')('tightens an existing file that others could read when it is rewritten', () => {
    mkdirSync(join(home.dir, '.keyplane'), { mode: 0o755 });
    writeFileSync(authFilePath(home.dir), 'key = "old"\n', { mode: 0o644 });
    chmodSync(authFilePath(home.dir), 0o644);
    writeAuthFile(home.dir, { api: 'http://x', key: generateKey('kpu_') });
    expect(statSync(authFilePath(home.dir)).mode & 0o777).toBe(0o600);
    expect(statSync(join(home.dir, '.keyplane')).mode & 0o777).toBe(0o700);
  });

  it('is gone after removal, and removing twice says there was nothing', () => {
    writeAuthFile(home.dir, { api: 'http://x', key: generateKey('kpu_') });
    expect(removeAuthFile(home.dir)).toBe(true);
    expect(readAuthFile(home.dir)).toBeUndefined();
    expect(removeAuthFile(home.dir)).toBe(false);
  });

  it('reports a malformed file instead of ignoring it', () => {
    mkdirSync(join(home.dir, '.keyplane'));
    writeFileSync(authFilePath(home.dir), 'key = \n');
    expect(() => readAuthFile(home.dir)).toThrow(CliError);
    expect(() => readAuthFile(home.dir)).toThrow(/auth\.toml is not valid TOML at line 1/);
  });
});
