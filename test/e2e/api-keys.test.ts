/**
 * User › API Keys in Chromium against the real server: create a 7-day key in a tenant
 * that is not the current one, copy it from the clipboard, call /graphql with it, revoke
 * it through the trash icon and see the same call fail with 401. axe-core checks the page
 * and every open dialog; screenshots go to test-results/screenshots (README images).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOTS_DIR,
  asBrowser,
  callWithKey,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  skipE2e,
  startServer,
  type E2eServer,
  bootstrap,
} from './harness';

const DAY = 86_400_000;

describe.skipIf(skipE2e)('User › API Keys in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let globexId: string;
  let copiedKey: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();

    // The first administrator and their tenant (signs this context in), then a second tenant.
    const boot = await bootstrap(context, server.url);
    expect(boot.tenant_slug).toBe('acme');
    const globex = await asBrowser<{ create_tenant: { id: string; slug: string } }>(
      context,
      server.url,
      `mutation { create_tenant(input: { name: "Globex" }) { id slug } }`,
    );
    globexId = globex.create_tenant.id;

    // A few keys so the list has something to show (its columns, the warning chip, "Never").
    const create = `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id } }`;
    const userId = boot.user_id;
    const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
    for (const input of [
      { name: 'laptop', expires_at: inDays(30) },
      { name: 'nightly backup', expires_at: inDays(3) },
      { name: 'ci deploy', expires_at: null },
    ]) {
      await asBrowser(context, server.url, create, { input: { user_id: userId, ...input } }, 'acme');
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the user’s keys with no accessibility violations', async () => {
    await page.goto(`${server.url}/acme/user/keys`);
    const table = page.getByRole('table', { name: 'API keys' });
    await table.waitFor();
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(4);
    await table
      .getByRole('row', { name: /nightly backup/ })
      .getByText('Expires soon')
      .waitFor();
    await table
      .getByRole('row', { name: /ci deploy/ })
      .getByText('Never')
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'API Keys list');
    await screenshot(page, SCREENSHOTS_DIR, 'api-keys-list');
  });

  it('keeps search and sort in the URL across a reload', async () => {
    await page.getByRole('searchbox', { name: 'Search by name or hint' }).fill('backup');
    await page.waitForURL(/\?q=backup/);
    const table = page.getByRole('table', { name: 'API keys' });
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
    await page.reload();
    await expect.poll(() => page.getByRole('table', { name: 'API keys' }).getByRole('row').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByRole('searchbox', { name: 'Search by name or hint' }).inputValue()).toBe('backup');
    // The hint the list shows finds its key too.
    const hint =
      (await table
        .getByRole('row', { name: /nightly backup/ })
        .getByText(/^kp[us]_/)
        .textContent()) ?? '';
    await page.getByRole('searchbox', { name: 'Search by name or hint' }).fill(hint);
    await page.waitForURL((url) => url.searchParams.get('q') === hint);
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('nightly backup');
    // Clearing the filters brings back every key (and a clean URL).
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => url.search === '');
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(4);
    expect(await page.getByRole('searchbox', { name: 'Search by name or hint' }).inputValue()).toBe('');
  });

  it('creates a 7-day key in another tenant and shows it once; the copied key works there', async () => {
    await page.getByRole('button', { name: 'Create an API Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API Key' });
    await dialog.waitFor();
    await dialog.getByLabel(/^API Key Name/).fill('globex e2e');
    await dialog.getByRole('combobox', { name: /API Key Expiration/ }).click();
    await page.getByRole('option', { name: '7 days' }).click();
    await dialog.getByRole('combobox', { name: /Tenant/ }).click();
    await page.getByRole('option', { name: 'Globex' }).click();
    await expectNoAxeViolations(page, 'create dialog');
    await screenshot(page, SCREENSHOTS_DIR, 'api-keys-create');

    await dialog.getByRole('button', { name: 'Show GraphQL' }).click();
    await dialog.getByText('mutation CreateApiKey').waitFor();
    await expectNoAxeViolations(page, 'create dialog with Show GraphQL');
    await dialog.getByRole('button', { name: 'Hide GraphQL' }).click();

    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    const reveal = page.getByRole('dialog', { name: 'Your API key has been created' });
    await reveal.waitFor();
    await expectNoAxeViolations(page, 'reveal dialog');
    await screenshot(page, SCREENSHOTS_DIR, 'api-keys-reveal');

    await reveal.getByRole('button', { name: 'Copy', exact: true }).click();
    await reveal.getByRole('button', { name: 'Copied' }).waitFor();
    copiedKey = await page.evaluate(() => navigator.clipboard.readText());
    expect(copiedKey).toMatch(/^kpu_[A-Za-z0-9]{36}$/);
    // Masked until asked: the key is not on screen.
    expect(await reveal.textContent()).not.toContain(copiedKey);

    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /globex e2e/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Globex');
    expect(await row.textContent()).toMatch(/in 7 days/);
    expect(await row.textContent()).toContain(copiedKey.slice(0, 8));

    const answer = await callWithKey<{ auth_info: { tenant_id: string; tenant: { slug: string } } }>(
      server.url,
      copiedKey,
      '{ auth_info { user_id tenant_id tenant { slug } } }',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data?.auth_info.tenant_id).toBe(globexId);
    expect(answer.body.data?.auth_info.tenant.slug).toBe('globex');
  });

  it('revokes the key from its trash icon; the same call then gets 401', async () => {
    expect(copiedKey).toBeTruthy();
    const table = page.getByRole('table', { name: 'API keys' });
    await table.getByRole('button', { name: 'Revoke API key globex e2e' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke API key' });
    await dialog.getByText('Clients using this key will fail to authenticate at once').waitFor();
    expect(await dialog.textContent()).toContain('globex e2e');
    await expectNoAxeViolations(page, 'revoke dialog');
    await screenshot(page, SCREENSHOTS_DIR, 'api-keys-revoke');

    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByText('API key "globex e2e" revoked').waitFor();
    await table.getByRole('row', { name: /globex e2e/ }).waitFor({ state: 'detached' });
    await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(4);

    const answer = await callWithKey(server.url, copiedKey, '{ auth_info { user_id tenant_id } }');
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('asks before Back, a reload or closing the tab loses a key that was not copied', async () => {
    // Arrive from another page, so Back has somewhere to go.
    await page.goto(`${server.url}/acme/team/members`);
    await page.getByRole('link', { name: 'API Keys' }).click();
    await page.waitForURL(/\/acme\/user\/keys$/);
    await page.getByRole('button', { name: 'Create an API Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API Key' });
    await dialog.getByLabel(/^API Key Name/).fill('guarded');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    const reveal = page.getByRole('dialog', { name: 'Your API key has been created' });
    await reveal.waitFor();

    await page.evaluate(() => history.back());
    const guard = page.getByRole('dialog', { name: 'Leave without copying the key?' });
    await guard.waitFor();
    await expectNoAxeViolations(page, 'leave guard');
    await screenshot(page, SCREENSHOTS_DIR, 'api-keys-leave-guard');
    await guard.getByRole('button', { name: 'Stay' }).click();
    await guard.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/acme/user/keys');
    await reveal.waitFor();

    // A reload and closing the tab get the browser's own question; dismissing it keeps the key on screen.
    const asked: string[] = [];
    page.on('dialog', (question) => {
      asked.push(question.type());
      void question.dismiss();
    });
    await page.evaluate(() => location.reload());
    await expect.poll(() => asked.length).toBe(1);
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked.length).toBe(2);
    expect(asked).toEqual(['beforeunload', 'beforeunload']);
    expect(page.isClosed()).toBe(false);
    await reveal.waitFor();

    // Once copied, Back goes at once.
    await reveal.getByRole('button', { name: 'Copy', exact: true }).click();
    await reveal.getByRole('button', { name: 'Copied' }).waitFor();
    await page.evaluate(() => history.back());
    await page.waitForURL(/\/acme\/team\/members$/);
    expect(await guard.count()).toBe(0);
    page.removeAllListeners('dialog');
  });
});
