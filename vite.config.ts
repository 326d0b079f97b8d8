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
    // The entry chunk (React, React Router, Apollo Client, MUI's core) is ~620 kB
    // minified, ~195 kB gzip; test/e2e/shell.test.ts holds it under 250 kB gzip, which
    // is the budget that matters. Every page and dialog is a lazy chunk.
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': apiTarget,
      '/graphiql': apiTarget,
    },
  },
});
