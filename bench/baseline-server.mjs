// The baseline: a bare node:http server answering a fixed JSON body, the ceiling
// any HTTP server in Node can reach on this machine. Prints its URL on stdout.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

// BASELINE_BODY_FILE: answer with that file's bytes instead (the bench's 29 KB list page).
const body = process.env.BASELINE_BODY_FILE
  ? readFileSync(process.env.BASELINE_BODY_FILE, 'utf8')
  : JSON.stringify({ data: { auth_info: { user_id: '00000000-0000-4000-8000-000000000000', tenant_id: '00000000-0000-4000-8000-000000000001' } } });

const server = createServer((request, response) => {
  // Read the request to its end, as a real server must, then answer.
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`Baseline is running at http://127.0.0.1:${port}`);
});

process.on('SIGINT', () => server.close(() => process.exit(0)));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
