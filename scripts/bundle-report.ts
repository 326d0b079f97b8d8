// The JavaScript a first visit downloads, gzipped, against the budget (issue 7).
//
//   node --import tsx scripts/bundle-report.ts            build to a temp dir with a manifest, report
//   node --import tsx scripts/bundle-report.ts dist/ui    report on an existing build (entry only: no manifest)
//   node --import tsx scripts/bundle-report.ts --json     the report as JSON (the budget test reads it)
//   node --import tsx scripts/bundle-report.ts dist/ui --url http://127.0.0.1:4200
//                                                          also fetch the first page from a running server, as a
//                                                          cold load does, and sum the bytes sent (see coldLoad)
//
// Beside each file's gzip size, the report prints what Keyplane sends a browser that
// accepts Brotli: the .br the build wrote beside it (vite.config.ts), or the file itself.
//
// A first visit loads the entry script of index.html and its modulepreload links;
// then the router loads the lazy chunks of the route it lands on. A signed-in
// user lands on /:tenant/user/keys (via the home redirect), so the budget counts
// the entry plus those routes' chunks and everything they import statically. The
// routes of that page are bundled with the entry (src/ui/app/routes.tsx), so today
// they have no chunks of their own; the report checks they are in what it counts.
//
// GraphiQL (graphiql.html, served at /graphiql) is a page of its own: it is not in
// the budget, and the report prints it on its own lines.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** 250 kB as Vite prints sizes (1 kB = 1,000 bytes). */
export const INITIAL_ROUTE_BUDGET_BYTES = 250_000;

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The route modules a first visit to "/" loads before it shows a page (bundled with the entry, or lazy). */
export const INITIAL_ROUTE_MODULES = ['src/ui/app/home-redirect.tsx', 'src/ui/app/tenant-layout.tsx', 'src/ui/features/api-keys/api-keys-page.tsx'];

/** Code that issue 7 wants out of the first load: dialogs and the date picker (date-fns itself formats dates on the page). */
export const MUST_BE_LAZY = [/node_modules\/@mui\/x-date-pickers\//, /src\/ui\/.*-dialog\.tsx$/];

/** GraphiQL's page, its own Vite entry. */
export const GRAPHIQL_PAGE = 'graphiql.html';

/** Code that belongs to GraphiQL's page alone and must never be in the app's first page. */
export const GRAPHIQL_ONLY = [/node_modules\/(graphiql|@graphiql\/[^/]+|monaco-editor|monaco-graphql|prettier)\//, /src\/ui\/graphiql\//];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface LoadedFile {
  file: string;
  why: string;
  bytes: number;
  gzipBytes: number;
  /** What the server sends for Accept-Encoding: br: the build's .br of the file, or the file when there is none. */
  transferredBytes: number;
  /** The compressed versions the build wrote beside the file. */
  precompressed: ('br' | 'gz')[];
}

export interface ModuleShare {
  /** An npm package ("@mui/material") or a source folder ("src/ui/features/api-keys"). */
  group: string;
  /** Rendered bytes in the loaded chunks, before minification: for shares, not totals. */
  bytes: number;
}

/** GraphiQL's page, outside the budget. */
export interface GraphiqlReport {
  /** Its entry script. */
  entry: LoadedFile;
  /**
   * Everything the page can load that the app's first page does not (with a manifest):
   * its chunks, lazy ones included (Monaco, Prettier), Monaco's workers, styles and fonts.
   */
  files: LoadedFile[];
  totalBytes: number;
  totalGzipBytes: number;
}

export interface BundleReport {
  outDir: string;
  files: LoadedFile[];
  totalBytes: number;
  totalGzipBytes: number;
  totalTransferredBytes: number;
  budgetBytes: number;
  /** Source modules in the loaded chunks (only when the report ran the build). */
  modules: { id: string; bytes: number }[];
  groups: ModuleShare[];
  /** Null when the build has no GraphiQL page. */
  graphiql: GraphiqlReport | null;
}

function gzipSize(data: Buffer): number {
  return gzipSync(data, { level: 9 }).length;
}

/** The entry script and modulepreload links of a built page (index.html unless named), in order. */
export function scriptsOfIndexHtml(outDir: string, page = 'index.html'): { entry: string[]; preload: string[] } {
  const html = readFileSync(join(outDir, page), 'utf8');
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
  const entry: string[] = [];
  const preload: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    if (attr(tag, 'type') === 'module' && attr(tag, 'src')) entry.push(attr(tag, 'src')!);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (attr(tag, 'rel') === 'modulepreload' && attr(tag, 'href')) preload.push(attr(tag, 'href')!);
  }
  return { entry, preload };
}

function readManifest(outDir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** A chunk and every chunk it imports statically (what the browser fetches before running it). */
function staticClosure(manifest: Manifest, key: string, into: Map<string, string>, why: string): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The build has no chunk for ${key}; was it renamed? Update INITIAL_ROUTE_MODULES.`);
  if (into.has(chunk.file)) return;
  into.set(chunk.file, why);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into, why);
}

/** Every file a chunk can bring in: its static and dynamic imports, their styles and assets (Monaco's workers, fonts). */
function fullClosure(manifest: Manifest, key: string, into: Set<string>, seen = new Set<string>()): void {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return;
  seen.add(key);
  into.add(chunk.file);
  for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) into.add(file);
  for (const imported of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) fullClosure(manifest, imported, into, seen);
}

function loadedFile(outDir: string, file: string, why: string): LoadedFile {
  const data = readFileSync(join(outDir, file));
  const brotli = join(outDir, `${file}.br`);
  const precompressed = (['br', 'gz'] as const).filter((extension) => existsSync(join(outDir, `${file}.${extension}`)));
  return {
    file,
    why,
    bytes: data.length,
    gzipBytes: gzipSize(data),
    transferredBytes: existsSync(brotli) ? statSync(brotli).size : data.length,
    precompressed,
  };
}

/** GraphiQL's page: its entry, and with a manifest all it can load beyond the app's first page (firstPage). */
function reportGraphiql(outDir: string, manifest: Manifest | null, firstPage: Set<string>): GraphiqlReport | null {
  if (!existsSync(join(outDir, GRAPHIQL_PAGE))) return null;
  const [entryScript] = scriptsOfIndexHtml(outDir, GRAPHIQL_PAGE).entry;
  if (!entryScript) return null;
  const entry = loadedFile(outDir, entryScript.replace(/^\//, ''), 'GraphiQL entry script');
  const all = new Set<string>([entry.file]);
  if (manifest?.[GRAPHIQL_PAGE]) fullClosure(manifest, GRAPHIQL_PAGE, all);
  const files = [...all].filter((file) => !firstPage.has(file)).map((file) => (file === entry.file ? entry : loadedFile(outDir, file, 'GraphiQL')));
  return {
    entry,
    files,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

function groupOf(id: string): string {
  const path = relative(ROOT, id.replace(/^\0/, '').replace(/\?.*$/, '')).replaceAll('\\', '/');
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return inModules[1];
  const inSource = /^(src\/ui\/(?:features\/[^/]+|components\/[^/]+(?=\/)|[^/]+(?=\/)))/.exec(path);
  return inSource ? inSource[1] : path;
}

/**
 * What a first visit loads from a build in outDir. With a manifest, the initial
 * route's lazy chunks are counted; chunkModules (from the build) breaks the bytes
 * down by source module.
 */
export function reportInitialLoad(
  outDir: string,
  chunkModules: Map<string, { id: string; bytes: number }[]> = new Map(),
  routeModules: string[] = INITIAL_ROUTE_MODULES,
): BundleReport {
  const loaded = new Map<string, string>();
  const { entry, preload } = scriptsOfIndexHtml(outDir);
  for (const src of entry) loaded.set(src.replace(/^\//, ''), 'entry script');
  for (const href of preload) if (!loaded.has(href.replace(/^\//, ''))) loaded.set(href.replace(/^\//, ''), 'modulepreload');
  const manifest = readManifest(outDir);
  if (manifest) {
    for (const key of routeModules) {
      if (manifest[key]) {
        staticClosure(manifest, key, loaded, `route ${key.replace(/^.*\//, '')}`);
        continue;
      }
      // Not a chunk of its own: bundled with the entry's code, and counted with it. When the
      // report ran the build, it knows each chunk's modules and checks.
      const id = resolve(ROOT, key);
      if (chunkModules.size > 0 && ![...loaded.keys()].some((file) => chunkModules.get(file)?.some((m) => m.id === id))) {
        throw new Error(`${key} is in no script of the first page; was it renamed? Update INITIAL_ROUTE_MODULES.`);
      }
    }
  }
  const files = [...loaded].map(([file, why]) => loadedFile(outDir, file, why));
  const modules = files.flatMap((f) => chunkModules.get(f.file) ?? []).sort((a, b) => b.bytes - a.bytes);
  const byGroup = new Map<string, number>();
  for (const m of modules) byGroup.set(groupOf(m.id), (byGroup.get(groupOf(m.id)) ?? 0) + m.bytes);
  return {
    outDir,
    files,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    totalTransferredBytes: files.reduce((sum, f) => sum + f.transferredBytes, 0),
    budgetBytes: INITIAL_ROUTE_BUDGET_BYTES,
    modules,
    groups: [...byGroup].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes),
    graphiql: reportGraphiql(outDir, manifest, new Set(loaded.keys())),
  };
}

/** Records which source modules went into which chunk, for the breakdown. */
export function chunkModulesPlugin(into: Map<string, { id: string; bytes: number }[]>): Plugin {
  return {
    name: 'keyplane-chunk-modules',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        into.set(
          output.fileName,
          Object.entries(output.modules).map(([id, info]) => ({ id, bytes: info.renderedLength })),
        );
      }
    },
  };
}

/** Builds the UI with the project's Vite config into outDir (with a manifest) and reports. */
export async function buildAndReport(outDir: string): Promise<BundleReport> {
  const { build } = await import('vite');
  const chunkModules = new Map<string, { id: string; bytes: number }[]>();
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
    plugins: [chunkModulesPlugin(chunkModules)],
  });
  return reportInitialLoad(outDir, chunkModules);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function formatReport(report: BundleReport): string {
  const lines = [`JavaScript of the first page (${INITIAL_ROUTE_MODULES.length ? '/ → /:tenant/user/keys' : 'entry'}):`];
  const width = Math.max(...report.files.map((f) => f.file.length));
  const sent = (bytes: number) => `sent ${kB(bytes).padStart(8)}`;
  for (const f of report.files)
    lines.push(`  ${f.file.padEnd(width)}  ${kB(f.bytes).padStart(9)}  gzip ${kB(f.gzipBytes).padStart(8)}  ${sent(f.transferredBytes)}  ${f.why}`);
  const over = report.totalGzipBytes > report.budgetBytes;
  lines.push(
    `  ${'total'.padEnd(width)}  ${kB(report.totalBytes).padStart(9)}  gzip ${kB(report.totalGzipBytes).padStart(8)}  ${sent(report.totalTransferredBytes)}  budget ${kB(report.budgetBytes)} gzip: ${over ? 'OVER' : 'within'}`,
  );
  lines.push('  (sent: what Keyplane sends a browser that accepts Brotli, the .br the build wrote; the file itself if it wrote none)');
  if (report.groups.length) {
    lines.push('Largest parts of it (bytes before minification and gzip):');
    for (const g of report.groups.slice(0, 15)) lines.push(`  ${g.group.padEnd(48)} ${kB(g.bytes).padStart(9)}`);
  }
  const { graphiql } = report;
  if (graphiql) {
    lines.push('GraphiQL at /graphiql, its own page (not in the budget):');
    lines.push(
      `  ${graphiql.entry.file.padEnd(width)}  ${kB(graphiql.entry.bytes).padStart(9)}  gzip ${kB(graphiql.entry.gzipBytes).padStart(8)}  entry script`,
    );
    if (graphiql.files.length > 1) {
      const what = `${graphiql.files.length} files: its chunks, Monaco's workers, styles, fonts`;
      lines.push(`  ${'all it can load'.padEnd(width)}  ${kB(graphiql.totalBytes).padStart(9)}  gzip ${kB(graphiql.totalGzipBytes).padStart(8)}  ${what}`);
    }
  }
  return lines.join('\n');
}

/** The body bytes of one GET, as they came over the wire (node:http does not decode them, unlike fetch). */
function bytesOnTheWire(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string; status: number }> {
  return new Promise((resolveBytes, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding, accept: 'text/html,*/*' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolveBytes({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity'), status: response.statusCode ?? 0 }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface ColdLoad {
  acceptEncoding: string;
  requests: number;
  bytes: number;
  encodings: Record<string, number>;
}

/**
 * A first visit to the keys page with an empty cache, against a running server: the
 * page (index.html), its icon, and every script the report counts (entry, preloads,
 * the route's chunks), each fetched with this Accept-Encoding; the body bytes summed.
 */
export async function coldLoad(origin: string, report: BundleReport, acceptEncoding: string): Promise<ColdLoad> {
  const paths = ['/', '/favicon.svg', ...report.files.map((f) => `/${f.file}`)];
  const result: ColdLoad = { acceptEncoding, requests: paths.length, bytes: 0, encodings: {} };
  for (const path of paths) {
    const { bytes, encoding, status } = await bytesOnTheWire(new URL(path, origin).toString(), acceptEncoding);
    if (status !== 200) throw new Error(`GET ${path} answered ${status}: is ${origin} serving this build?`);
    result.bytes += bytes;
    result.encodings[encoding] = (result.encodings[encoding] ?? 0) + 1;
  }
  return result;
}

async function main() {
  const json = process.argv.includes('--json');
  const urlAt = process.argv.indexOf('--url');
  const origin = urlAt > 0 ? process.argv[urlAt + 1] : undefined;
  const dir = process.argv.slice(2).find((arg, i, args) => !arg.startsWith('--') && args[i - 1] !== '--url');
  if (dir) {
    const report = reportInitialLoad(resolve(dir));
    console.log(formatReport(report));
    if (origin) {
      console.log(`A cold load of the keys page from ${origin} (index.html, favicon and the scripts above):`);
      for (const acceptEncoding of ['identity', 'gzip', 'br, gzip']) {
        const load = await coldLoad(origin, report, acceptEncoding);
        const encodings = Object.entries(load.encodings)
          .map(([encoding, n]) => `${n} ${encoding}`)
          .join(', ');
        console.log(`  Accept-Encoding: ${acceptEncoding.padEnd(9)} ${kB(load.bytes).padStart(9)} in ${load.requests} requests (${encodings})`);
      }
    }
    return;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'keyplane-bundle-'));
  try {
    const report = await buildAndReport(outDir);
    console.log(json ? JSON.stringify(report) : formatReport(report));
    if (!json && report.totalGzipBytes > report.budgetBytes) process.exitCode = 1;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
