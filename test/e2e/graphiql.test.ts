/**
 * GraphiQL at /graphiql in Chromium against the real server, with every request to a
 * host other than this machine refused (and recorded): it must render, introspect,
 * autocomplete and run a query with the browser's session alone, open an operation
 * from URL parameters, and leave a key typed into its Headers pane in no storage.
 * Screenshots at 1280×800 and 390×844 go to test-results/screenshots.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, launchBrowser, newContext, screenshot, skipE2e, startServer, type E2eServer, bootstrap } from './harness';

const ADMIN = { email: 'grace@example.com', username: 'grace', password: 'correct-horse-battery', tenant_name: 'Hopper' };
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const TYPED_HEADERS = '{"Authorization": "Bearer kpu_x"}';

describe.skipIf(skipE2e)('GraphiQL in Chromium, offline', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let userId: string;
  /** Requests the page tried to make to any other host (all refused). */
  const offsite: string[] = [];
  /** What the browser reported about the page's Content-Security-Policy and uncaught errors. */
  const problems: string[] = [];

  /** Refuses and records every request that leaves this machine, in this context's pages and workers. */
  async function blockOtherHosts(target: BrowserContext): Promise<void> {
    await target.route('**/*', (route) => {
      const url = route.request().url();
      if (LOOPBACK.has(new URL(url).hostname)) return route.continue();
      offsite.push(url);
      return route.abort('blockedbyclient');
    });
    target.on('request', (request) => {
      const { protocol, hostname } = new URL(request.url());
      if ((protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:') && !LOOPBACK.has(hostname)) {
        if (!offsite.includes(request.url())) offsite.push(request.url());
      }
    });
  }

  function watch(target: Page): void {
    target.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    target.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    target.on('websocket', (socket) => offsite.push(socket.url()));
  }

  /** Every value the page's localStorage and sessionStorage hold, as "storage key=value". */
  const storedValues = (target: Page) =>
    target.evaluate(() =>
      (['localStorage', 'sessionStorage'] as const).flatMap((name) => {
        const storage = window[name];
        return Array.from({ length: storage.length }, (_, i) => storage.key(i)!).map((key) => `${name} ${key}=${storage.getItem(key)}`);
      }),
    );

  // GraphiQL names each Monaco model by its role (…-operation.graphql, …-variables.json, …-request-headers.json).
  const editor = (target: Page, role: string) => target.locator(`.monaco-editor[data-uri*="-${role}."]`).first();
  // Monaco draws spaces as no-break spaces.
  const editorText = async (target: Page, role: string) => (await editor(target, role).locator('.view-lines').innerText()).replaceAll('\u00a0', ' ');
  const queryEditor = () => editor(page, 'operation');
  const responseText = () => page.locator('.graphiql-response .monaco-editor .view-lines').first().innerText();

  beforeAll(async () => {
    // The default limits: GraphiQL's standard introspection query (15 levels) is measured by introspection's own rules.
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    await blockOtherHosts(context);
    // The first administrator (signs this context in: GraphiQL uses that session, no key).
    const boot = await bootstrap(context, server.url, ADMIN);
    userId = boot.user_id;
    page = await context.newPage();
    watch(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is served from this origin under a policy that lists no other host', async () => {
    const response = await page.goto(`${server.url}/graphiql`);
    expect(response?.status()).toBe(200);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self';/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy, 'no external source, no eval').not.toMatch(/https?:|wss?:|\*|unsafe-eval|blob:/);
    await queryEditor().waitFor();
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).waitFor();
    // Assets of the page itself: hashed files under /assets of this server.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src));
    for (const src of scripts) expect(new URL(src).origin).toBe(server.url);
  });

  it('shows the schema in the docs explorer, introspected with the session', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Root Types').waitFor();
    await docs.getByRole('link', { name: 'Query', exact: true }).click();
    await docs.getByText('auth_info', { exact: true }).first().waitFor();
  });

  it('autocompletes field names from the schema', async () => {
    await queryEditor().click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ auth_');
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.monaco-editor .suggest-widget');
    await suggestions.getByText('auth_info').first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('opens an operation from URL parameters and runs it with the session (no key)', async () => {
    // As the app's "Open in GraphiQL" link writes it.
    const query = 'query ($limit: Int) { auth_info { user_id } auth_api_key(limit: $limit) { id } }';
    await page.goto(`${server.url}/graphiql?${new URLSearchParams({ query, variables: JSON.stringify({ limit: 5 }, null, 2) })}`);
    await queryEditor().waitFor();
    await expect.poll(() => editorText(page, 'operation')).toContain('auth_info');
    await expect.poll(() => editorText(page, 'variables')).toContain('"limit": 5');
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await expect.poll(responseText, { timeout: 15_000 }).toContain(userId);
  });

  it('keeps a key typed into the Headers pane out of localStorage and sessionStorage', async () => {
    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    await editor(page, 'request-headers').click();
    await page.keyboard.insertText(TYPED_HEADERS);
    await expect.poll(() => editorText(page, 'request-headers')).toContain('kpu_x');
    // Run it with the key (made up: 401). The text differs from the last run, so stock
    // GraphiQL would save this run, headers included, in its history.
    await queryEditor().click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('\n# with a key');
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await expect.poll(responseText, { timeout: 15_000 }).toContain('UNAUTHENTICATED');
    await page.getByRole('button', { name: 'Show History' }).click();
    // Past GraphiQL's debounced saves of tabs and history.
    await page.waitForTimeout(1_500);
    const stored = await storedValues(page);
    expect(
      stored.filter((entry) => /kpu_|Bearer/i.test(entry)),
      `storage holds:\n${stored.join('\n')}`,
    ).toEqual([]);
    // Nor anything else of GraphiQL's (tabs, history, settings): it keeps all of it in memory.
    expect(stored).toEqual([]);
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).toEqual([]);
    await page.getByRole('button', { name: 'Hide History' }).click();
  });

  it('looks right at 1280×800 and at 390×844 (screenshots)', async () => {
    const query = 'query WhoAmI {\n  auth_info {\n    user_id\n    tenant_id\n    role\n  }\n}\n';
    const open = async (target: Page) => {
      await target.goto(`${server.url}/graphiql?${new URLSearchParams({ query })}`);
      await editor(target, 'operation').waitFor();
      await target.getByRole('button', { name: /^Execute query/ }).click();
      // Monaco renders only what is in view, and an id is wider than a phone.
      await expect.poll(() => target.locator('.graphiql-response .view-lines').first().innerText(), { timeout: 15_000 }).toContain('TENANT_ADMIN');
    };
    await open(page);
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Root Types').waitFor();
    await screenshot(page, SCREENSHOTS_DIR, 'graphiql-desktop');
    await page.getByRole('button', { name: 'Hide Documentation Explorer' }).click();

    const phone = await newContext(browser, { width: 390, height: 844 });
    try {
      await blockOtherHosts(phone);
      await phone.addCookies(await context.cookies());
      const small = await phone.newPage();
      watch(small);
      await open(small);
      await screenshot(small, SCREENSHOTS_DIR, 'graphiql-mobile');
    } finally {
      await phone.close();
    }
  });

  it('forgets the typed key on reload: nothing of it was stored anywhere', async () => {
    await page.reload();
    await queryEditor().waitFor();
    await page.getByRole('button', { name: 'Headers', exact: true }).click();
    await editor(page, 'request-headers').waitFor();
    expect(await editorText(page, 'request-headers')).not.toContain('kpu_');
  });

  it('made no request to any other host and broke no rule of its policy', () => {
    expect(offsite).toEqual([]);
    expect(problems).toEqual([]);
  });
});
