/**
 * Shared end-to-end helpers: the built UI, the real server on a free port with a
 * temporary data directory, Debian's Chromium through playwright-core, axe-core and
 * screenshots. Other e2e files reuse these.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ServerConfig } from '../../src/server/config';
import { serve, type RunningServer } from '../../src/server/serve';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const UI_DIR = join(ROOT, 'dist/ui');

// ---------------------------------------------------------------- the browser

/** True when a missing browser must fail the run (CI) rather than skip the suite. */
export const browserRequired = process.env.KEYPLANE_REQUIRE_BROWSER === '1' || process.env.CI === 'true';
export const browserAvailable = existsSync(CHROMIUM_PATH);

/**
 * Whether e2e suites should be skipped: only when the browser is missing and not
 * required. When it is required (CI), suites still run and fail at launchBrowser,
 * and requireBrowserWhenAsked() adds a failing test that names the problem.
 */
export const skipE2e = !browserAvailable && !browserRequired;

/** A test that fails, rather than skips, when CI needs the browser and it is missing. */
export function requireBrowserWhenAsked(): void {
  it.skipIf(!browserRequired)('has Chromium (KEYPLANE_REQUIRE_BROWSER=1)', () => {
    expect(browserAvailable, `Chromium not found at ${CHROMIUM_PATH}; install it with apt-get install -y chromium`).toBe(true);
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!browserAvailable) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set KEYPLANE_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

export interface ContextOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  /** The browser's language (navigator.language), which dates follow; en-US unless told. */
  locale?: string;
}

export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    locale: options.locale ?? 'en-US',
  });
  context.setDefaultTimeout(15_000);
  return context;
}

// ---------------------------------------------------------------- the UI build

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds dist/ui when it is missing or older than the UI's sources. */
export function ensureUiBuilt(): void {
  const index = join(UI_DIR, 'index.html');
  const sources = [join(ROOT, 'src/ui'), join(ROOT, 'index.html'), join(ROOT, 'vite.config.ts'), join(ROOT, 'public')].filter(existsSync);
  const sourceTime = Math.max(...sources.map(newestMtime));
  if (existsSync(index) && statSync(index).mtimeMs >= sourceTime) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

// ---------------------------------------------------------------- the server

export interface E2eServer {
  url: string;
  dataDir: string;
  /** The built UI this server serves (a private copy of dist/ui). */
  uiDir: string;
  server: RunningServer;
  close(): Promise<void>;
}

/** The real server on a free port, over a fresh temporary data directory. */
export async function startServer(options: { demo?: boolean; config?: Partial<ServerConfig> } = {}): Promise<E2eServer> {
  ensureUiBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-e2e-'));
  // Serve a private copy: a rebuild of dist/ui during the run (another suite, a
  // developer's `npm run build`) would otherwise delete the chunks the page loads.
  const uiDir = join(dataDir, 'ui');
  cpSync(UI_DIR, uiDir, { recursive: true });
  const server = await serve({ port: 0, host: '127.0.0.1', dataDir, uiDir, demo: options.demo ?? false, config: options.config });
  return {
    url: server.url,
    dataDir,
    uiDir,
    server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- accessibility

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core with the WCAG 2.1 A and AA rules on the page as it is now (open
 * dialogs included). Injected through the DevTools protocol, so the app's CSP
 * (script-src 'self') does not block it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

export function formatViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((v) => `${where}: [${v.impact}] ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

/** Throws with a readable list when axe finds any WCAG 2.1 A/AA violation. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Let MUI's enter transitions finish so colours are final.
  await page.waitForTimeout(250);
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(`Accessibility violations\n${formatViolations(where, violations)}`);
}

// ---------------------------------------------------------------- GraphQL calls

export interface GraphqlAnswer<T> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Calls the API as a script would, with a bearer key. */
export async function callWithKey<T>(url: string, key: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphqlAnswer<T>['body'] };
}

/** A GraphQL call with a browser context's session cookie, as the UI sends it (X-Tenant-Id when a tenant is named). */
export async function postAsBrowser<T>(
  context: BrowserContext,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  tenant?: string,
): Promise<GraphqlAnswer<T>> {
  const response = await context.request.post(`${url}/graphql`, {
    headers: { 'content-type': 'application/json', 'x-keyplane-csrf': '1', ...(tenant ? { 'x-tenant-id': tenant } : {}) },
    data: { query, variables },
  });
  return { status: response.status(), body: (await response.json()) as GraphqlAnswer<T>['body'] };
}

/** postAsBrowser's data; GraphQL errors fail the test. */
export async function asBrowser<T>(context: BrowserContext, url: string, query: string, variables: Record<string, unknown> = {}, tenant?: string): Promise<T> {
  const { body } = await postAsBrowser<T>(context, url, query, variables, tenant);
  if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

// ---------------------------------------------------------------- screenshots

/** The first administrator most suites set up, with their tenant (Acme, slug acme). */
export const ADA = { email: 'ada@example.com', username: 'ada', password: 'correct-horse-battery', tenant_name: 'Acme' };

export interface Bootstrapped {
  user_id: string;
  tenant_id: string;
  tenant_slug: string;
}

/** Sets a new server up with its first administrator (the Set up page's mutation), signing `context` in as them. */
export async function bootstrap(context: BrowserContext, url: string, admin: typeof ADA = ADA, tenant?: string): Promise<Bootstrapped> {
  const answer = await asBrowser<{ bootstrap: Bootstrapped }>(
    context,
    url,
    `mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id tenant_slug } }`,
    { input: admin },
    tenant,
  );
  return answer.bootstrap;
}

/** A new context of `size` signed in through the sign-in form, on the keys page it lands on. */
export async function signedInContext(
  browser: Browser,
  url: string,
  who: { email: string; password: string },
  size: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, size);
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.getByLabel(/^Email/).fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/user\/keys/);
  return { context, page };
}

export const SCREENSHOTS_DIR = process.env.KEYPLANE_SCREENSHOTS ?? join(ROOT, 'test-results/screenshots');

export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: false, animations: 'disabled' });
  return path;
}

/** The session cookie a context holds, for asserting sign-out. */
export async function sessionCookie(context: BrowserContext): Promise<string | undefined> {
  const cookies = await context.cookies();
  return cookies.find((c) => c.name === 'keyplane_session')?.value;
}

/** The window sizes pages are checked at: a phone and a laptop. */
export const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** How far the page scrolls sideways (0 when everything fits the window), and the last few elements that stick out. */
export function sidewaysOverflow(page: Page): Promise<{ by: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(-5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { by: root.scrollWidth - window.innerWidth, culprits };
  });
}

/** The demo seed's administrator sign-in (startServer({ demo: true })). */
export function demoAdmin(server: E2eServer): { email: string; password: string } {
  const login = server.server.demoLogins?.find((l) => l.email.startsWith('admin'));
  if (!login) throw new Error('the demo seed printed no administrator login');
  return login;
}
