import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../../codegen.js';

// The schema is the single source of truth: the generated types checked in must be
// what codegen makes of it today.
it('generated GraphQL types are up to date with src/schema.graphql (run npm run codegen)', async () => {
  const outputs = (await generate({ ...config, silent: true, cwd: process.cwd() }, false)) as { filename: string; content: string }[];
  expect(outputs.length).toBeGreaterThan(0);
  for (const { filename, content } of outputs) {
    expect(readFileSync(filename, 'utf8'), filename).toBe(content);
  }
}, 60_000);
