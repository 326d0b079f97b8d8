import { afterAll, beforeAll } from 'vitest';
import { buildWorld, startServer, type Server, type World } from './harness.js';

/**
 * A real server with the standard world (harness.ts buildWorld), listening on a port,
 * for the file's tests: started before them and closed after. Read its fields inside
 * tests (they are set by beforeAll).
 */
export function listeningWorld(): { readonly server: Server; readonly world: World; readonly url: string } {
  const state = {} as { server: Server; world: World; url: string };
  beforeAll(async () => {
    state.server = await startServer();
    state.world = await buildWorld(state.server);
    state.url = `${await state.server.app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  }, 60_000);
  afterAll(() => state.server.close());
  return state;
}
