import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, type InputType } from 'node:zlib';
import { ClientSideBaseVisitor } from '@graphql-codegen/visitor-plugin-common';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// graphql as CommonJS: the instance codegen's (CommonJS) visitor uses. Beside the ESM
// build, graphql's development-mode check ("from another module or realm") threw, and
// `vite` (the dev server, NODE_ENV unset) could not load this file.
const { buildSchema, parse, Kind } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

// The API server for `npm run dev` (started by that script on this port).
const apiTarget = process.env.KEYPLANE_DEV_API ?? 'http://127.0.0.1:4201';

// Build-time version of the codegen client preset's Babel plugin (@vitejs/plugin-react 6
// has no Babel step): each `graphql(`...`)` in src/ui becomes an import of the matching
// generated `...Document` / `...FragmentDoc` constant of src/ui/gql/graphql.ts, served
// as a module of its own.
//
// Why: the preset's graphql() looks documents up in one map that holds every document
// of the app, so any chunk that calls it carries all of them (issue 7). Importing the
// constants from graphql.ts is not enough either: a module goes to one chunk whole, so
// every document some page uses would load with the first page. One small module per
// document lets each chunk carry only the documents it uses. Sources keep the
// colocated graphql(`...`) calls, which codegen reads; component tests (Vitest, without
// this plugin) still go through the map, which returns the same constants.
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const PREFIX = '\0keyplane-graphql-document:';
/** One generated constant per line: `export const NameDocument = {...} as unknown as DocumentNode<...>;` */
const CONSTANT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

function graphqlDocumentsPlugin(root: string): Plugin {
  const generated = resolve(root, 'src/ui/gql/graphql.ts').replaceAll('\\', '/');
  const sources = /[\\/]src[\\/]ui[\\/].*\.tsx?$/;
  const naming = new ClientSideBaseVisitor(buildSchema('type Query { _: Int }'), [], {}, {});
  const documents = () => {
    const found = new Map<string, string>();
    for (const [, name, json] of readFileSync(generated, 'utf8').matchAll(CONSTANT)) found.set(name, json);
    return found;
  };
  return {
    name: 'keyplane-graphql-documents',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      this.addWatchFile(generated);
      const json = documents().get(name);
      if (!json) this.error(`${name} is not in src/ui/gql/graphql.ts: run npm run codegen`);
      return `export default ${json};`;
    },
    transform(code, id) {
      if (!sources.test(id) || /[\\/]src[\\/]ui[\\/]gql[\\/]/.test(id) || !code.includes('graphql(')) return null;
      const names = new Set<string>();
      const replaced = code.replace(CALL, (call, source: string) => {
        const [definition] = parse(source).definitions;
        let name: string;
        if (definition?.kind === Kind.OPERATION_DEFINITION && definition.name) {
          name = naming.getOperationVariableName(definition);
        } else if (definition?.kind === Kind.FRAGMENT_DEFINITION) {
          name = naming.getFragmentVariableName(definition);
        } else {
          return call;
        }
        names.add(name);
        return `__document_${name}`;
      });
      if (names.size === 0) return null;
      const imports = [...names].map((name) => `import __document_${name} from ${JSON.stringify(PREFIX + name)};\n`);
      return { code: imports.join('') + replaced, map: null };
    },
  };
}

/**
 * `npm run dev`: /graphiql is graphiql.html, as the server serves it after a build
 * (without this, Vite's SPA fallback would answer it with the app).
 */
function graphiqlDevPagePlugin(): Plugin {
  return {
    name: 'keyplane-graphiql-dev-page',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url === '/graphiql' || request.url?.startsWith('/graphiql?')) {
          request.url = `/graphiql.html${request.url.slice('/graphiql'.length)}`;
        }
        next();
      });
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * index.html gets, first in its head, the inline script that sends the first page's
 * requests while the app's code downloads (src/ui/app/first-page-requests.ts). The
 * requests are captured from the app's Apollo clients, run here in Node; the server allows
 * the script by its hash in the page's Content-Security-Policy (http/static-ui.ts).
 */
function firstPageRequestsPlugin(): Plugin {
  return {
    name: 'keyplane-first-page-requests',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(_html, { filename }) {
        if (resolve(filename) !== resolve(root, 'index.html')) return;
        const { captureFirstPageRequests, earlyRequestsScript } = await import('./src/ui/app/first-page-requests');
        const script = earlyRequestsScript(await captureFirstPageRequests());
        return [{ tag: 'script', children: script, injectTo: 'head-prepend' as const }];
      },
    },
  };
}

/**
 * Brotli at its best quality (11) for the app's files, 9 for the few files over 512 KB
 * (GraphiQL's editor, its styles and workers, loaded by /graphiql alone). Measured on
 * this build's JS and CSS: under 512 KB, 3.1 MB raw gives 798 kB at 11 and 870 kB at 9
 * (17 s against 4 s, serially); the four larger files, 4.9 MB raw, give 1,238 kB at 11
 * in 24 s and 1,334 kB at 9 in 1.5 s. Quality 11 throughout made the build 30 s slower.
 */
const brotliBySize = defineAlgorithm(async (buffer: InputType): Promise<Buffer> => {
  const bytes = typeof buffer === 'string' ? Buffer.byteLength(buffer) : buffer.byteLength;
  const params = { [zlib.BROTLI_PARAM_QUALITY]: bytes > 512 * 1024 ? 9 : 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes };
  return promisify(brotliCompress)(buffer, { params });
}, {});

export default defineConfig({
  plugins: [
    graphqlDocumentsPlugin(root),
    react(),
    graphiqlDevPagePlugin(),
    firstPageRequestsPlugin(),
    // A .br and a .gz beside every text file of the build (JS, CSS, HTML, SVG, JSON):
    // paid once here, not per request; the server sends the one the browser asks for
    // (src/server/http/static-ui.ts). Files that would not shrink are left alone.
    compression({
      algorithms: [brotliBySize, 'gzip'],
      filename: (id, { algorithm }) => `${id}.${algorithm === 'gzip' ? 'gz' : 'br'}`,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: 'dist/ui',
    emptyOutDir: true,
    sourcemap: false,
    // The app's entry chunks (React, React Router, Apollo Client, MUI's core) are
    // ~640 kB minified, ~195 kB gzip; test/server/bundle-budget.test.ts holds the first
    // page under 250 kB gzip, which is the budget that matters. Every page and dialog
    // is a lazy chunk. GraphiQL's chunks load only at /graphiql (Monaco's alone is
    // ~2.8 MB minified) and the bundle report prints them on their own line, so this
    // warning is set above them rather than repeated on every build.
    chunkSizeWarningLimit: 3_000,
    rolldownOptions: {
      // Two pages: the app, and GraphiQL. They share only what both import (React);
      // nothing of GraphiQL is in the app's chunks.
      input: {
        index: resolve(root, 'index.html'),
        graphiql: resolve(root, 'graphiql.html'),
      },
      onwarn(warning, warn) {
        // GraphiQL's packages open modules with React Compiler's "use no memo", which
        // means nothing once bundled.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use no memo')) return;
        warn(warning);
      },
    },
  },
  optimizeDeps: {
    // Its `?worker` imports are for Vite's own worker handling, which the dependency
    // pre-bundler does not apply: `vite` (dev) failed to start with it pre-bundled.
    exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'],
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': apiTarget,
    },
  },
});
