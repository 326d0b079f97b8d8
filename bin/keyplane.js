#!/usr/bin/env node
// The `keyplane` command. The sources are TypeScript; tsx compiles them on import,
// so the command runs from a checkout after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
