/**
 * Team › Service Accounts › Canary keys in Chromium against the real server: an administrator creates a
 * canary in the browser and copies it; the test uses it as a thief would (fetch with
 * curl's user agent) and is refused as with a revoked key; the tab then shows it tripped,
 * from where and with what, at 1280 px and 390 px (no sideways scrolling). axe-core checks
 * the page and the dialogs; screenshots go to test-results/screenshots.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOTS_DIR,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  requireBrowserWhenAsked,
  screenshot,
  sidewaysOverflow,
  skipE2e,
  startServer,
  type E2eServer,
  bootstrap,
  ADA,
} from './harness';

requireBrowserWhenAsked();

describe.skipIf(skipE2e)('Team › Service Accounts › Canary keys in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let canaryKey = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await newContext(browser);
    await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await admin.newPage();
    await bootstrap(admin, server.url, ADA, 'acme');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is a tab of Team › Service Accounts, and starts empty with what to do', async () => {
    await page.goto(`${server.url}/acme/team/service-accounts`);
    await page.getByRole('tab', { name: 'Canary keys' }).click();
    await page.getByText('No canary keys yet').waitFor();
    expect(new URL(page.url()).search).toBe('?view=canaries');
    await expectNoAxeViolations(page, 'Canary Keys, empty');
  });

  it('creates a canary, shown once with where to plant it', async () => {
    await page.getByRole('button', { name: 'Create Canary Key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create Canary Key' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Canary Key Name/).fill('infra repo .env');
    await dialog.getByLabel(/^Where it will be planted/).fill('github.com/acme/infra, .env.example');
    await dialog.getByRole('button', { name: 'Show GraphQL' }).click();
    await expectNoAxeViolations(page, 'Create Canary Key dialog');
    await screenshot(page, SCREENSHOTS_DIR, 'canary-keys-create');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();

    const reveal = page.getByRole('dialog', { name: 'Your canary key has been created' });
    await reveal.waitFor();
    await reveal.getByRole('heading', { name: 'Where to plant it' }).waitFor();
    expect(await reveal.getByRole('heading', { name: 'How to use it' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'canary key reveal');
    await screenshot(page, SCREENSHOTS_DIR, 'canary-keys-reveal');
    await reveal.getByRole('button', { name: 'Copy', exact: true }).click();
    await reveal.getByRole('button', { name: 'Copied' }).waitFor();
    canaryKey = await page.evaluate(() => navigator.clipboard.readText());
    // The text of a service-account key: nothing tells it apart.
    expect(canaryKey).toMatch(/^kps_[A-Za-z0-9]{36}$/);
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'Canary keys' }).getByRole('row', { name: /infra repo \.env/ });
    await row.getByText('Not used yet').waitFor();
    expect(await row.textContent()).toContain(canaryKey.slice(0, 8));
  });

  it('refuses the canary as a revoked key, and the tab shows it tripped, from where and with what', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${canaryKey}`, 'user-agent': 'curl/8.5.0' },
      body: JSON.stringify({ query: '{ auth_info { user_id } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: 'Invalid or expired credentials.', extensions: { code: 'UNAUTHENTICATED' } });

    // The use is recorded just after the refusal is sent; the page refetches when shown again.
    const row = page.getByRole('table', { name: 'Canary keys' }).getByRole('row', { name: /infra repo \.env/ });
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('table', { name: 'Canary keys' }).waitFor();
          return row.textContent();
        },
        { timeout: 10_000, interval: 500 },
      )
      .toMatch(/Tripped (just now|\d+ seconds ago) from 127\.0\.0\.1, curl\/8\.5\.0 \(1 use\)/);
    await page.getByRole('alert').filter({ hasText: '1 canary key has been used' }).waitFor();
    await expectNoAxeViolations(page, 'Canary Keys, tripped');
    expect((await sidewaysOverflow(page)).by).toBe(0);
    await screenshot(page, SCREENSHOTS_DIR, 'canary-keys-desktop');

    // The Audit Log has it in words, with the address.
    await page.goto(`${server.url}/acme/team/audit-log`);
    await page
      .getByRole('row', { name: /Canary key used/ })
      .getByText('127.0.0.1')
      .waitFor();
  });

  it('fits a phone: stacked, status first, no sideways scrolling', async () => {
    const phone = await newContext(browser, { width: 390, height: 844 });
    await phone.addCookies(await admin.cookies());
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server.url}/acme/team/service-accounts?view=canaries`);
    const list = phonePage.getByRole('list', { name: 'Canary keys' });
    await list.getByText(/Tripped .* from 127\.0\.0\.1, curl\/8\.5\.0/).waitFor();
    expect((await sidewaysOverflow(phonePage)).by).toBe(0);
    await expectNoAxeViolations(phonePage, 'Canary Keys on a phone');
    await screenshot(phonePage, SCREENSHOTS_DIR, 'canary-keys-mobile');
    await phone.close();
  });

  it('deletes a canary after confirmation', async () => {
    await page.goto(`${server.url}/acme/team/service-accounts?view=canaries`);
    await page.getByRole('button', { name: 'Delete canary key infra repo .env' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete infra repo .env?' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'Delete canary key dialog');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('No canary keys yet').waitFor();
  });
});
