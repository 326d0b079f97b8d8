import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server for `npm run dev` (started by that script on this port).
const apiTarget = process.env.KEYPLANE_DEV_API ?? 'http://127.0.0.1:4201';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': apiTarget,
      '/graphiql': apiTarget,
    },
  },
});
