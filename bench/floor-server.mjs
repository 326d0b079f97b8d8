// The framework floor: Fastify + Mercurius with graphql-jit answering auth_info with
// constants (no authentication, no store). Prints its URL on stdout.
import Fastify from 'fastify';
import mercurius from 'mercurius';

const app = Fastify();
await app.register(mercurius, {
  schema: 'type AuthInfo { user_id: String tenant_id: String } type Query { auth_info: AuthInfo }',
  resolvers: { Query: { auth_info: () => ({ user_id: '00000000-0000-4000-8000-000000000000', tenant_id: '00000000-0000-4000-8000-000000000001' }) } },
  jit: 1,
});
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`Floor is running at http://127.0.0.1:${app.server.address().port}`);
process.on('SIGINT', () => app.close().then(() => process.exit(0)));
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
