import { serve } from '../../src/server/serve.js';

// The server as its own process, for the crash-safety test to SIGKILL:
//   node --import tsx test/server/crash-server.ts <data dir>
// Prints "LISTENING <url>" once it accepts requests.

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-server.ts <data dir>');
const running = await serve({ port: 0, host: '127.0.0.1', dataDir, uiDir: null });
process.stdout.write(`LISTENING ${running.url}\n`);
