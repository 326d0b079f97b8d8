/**
 * A key with less power than its owner, and editing a key, in Chromium against the real
 * server: an administrator makes a read-only key, copies it, and sees the API refuse it a
 * write that the administrator's own session may make; then edits a key's name, expiry and
 * description. axe-core on each dialog; screenshots at 1280 and 390 px (README images);
 * nothing scrolls sideways on the phone.
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

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

describe.skipIf(skipE2e)('key roles and editing a key in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tenantId: string;
  let readOnlyKey: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    const boot = await bootstrap(context, server.url);
    tenantId = boot.tenant_id;
    await asBrowser(
      context,
      server.url,
      `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id } }`,
      { input: { user_id: boot.user_id, name: 'laptop', expires_at: new Date(Date.now() + 60 * DAY).toISOString() } },
      'acme',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an administrator creates a read-only key; the API refuses it a write', async () => {
    await page.goto(`${server.url}/acme/user/keys`);
    await page.getByRole('table', { name: 'API keys' }).waitFor();
    await page.getByRole('button', { name: 'Create an API Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API Key' });
    await dialog.getByLabel(/^API Key Name/).fill('reporting');
    await dialog.getByRole('combobox', { name: /Key role/ }).click();
    await page.getByRole('option', { name: 'Read-only' }).click();
    await dialog.getByText("The key acts as Read-only at most, even if its owner's role is higher.").waitFor();
    await expectNoAxeViolations(page, 'create dialog with a key role');
    await screenshot(page, SCREENSHOTS_DIR, 'key-roles-create');

    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    const reveal = page.getByRole('dialog', { name: 'Your API key has been created' });
    await reveal.getByText('It acts as Read-only at most').waitFor();
    await reveal.getByRole('button', { name: 'Copy', exact: true }).click();
    await reveal.getByRole('button', { name: 'Copied' }).waitFor();
    readOnlyKey = await page.evaluate(() => navigator.clipboard.readText());
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: /reporting/ });
    await row.getByText('(Read-only key)').waitFor();
    await expectNoAxeViolations(page, 'list with a read-only key');
    await screenshot(page, SCREENSHOTS_DIR, 'key-roles-list');

    const info = await callWithKey<{ auth_info: { role: string } }>(server.url, readOnlyKey, '{ auth_info { role } }');
    expect(info.body.data?.auth_info.role).toBe('READ_ONLY_USER');
    const write = `mutation { create_service_account(input: { tenant_id: "${tenantId}", name: "from-read-only" }) { id } }`;
    const refused = await callWithKey(server.url, readOnlyKey, write);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The owner's own session may.
    const allowed = await asBrowser<{ create_service_account: { id: string } }>(
      context,
      server.url,
      write.replace('from-read-only', 'from-session'),
      {},
      'acme',
    );
    expect(allowed.create_service_account.id).toBeTruthy();
  });

  it('edits a key’s name, expiry and description from the pencil icon', async () => {
    const table = page.getByRole('table', { name: 'API keys' });
    await table.getByRole('button', { name: 'Edit API key laptop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit API key' });
    await dialog.waitFor();
    await dialog.getByLabel(/^API Key Name/).fill('laptop (ada)');
    await dialog.getByRole('combobox', { name: /Expiration/ }).click();
    await page.getByRole('option', { name: 'In 7 days' }).click();
    await dialog.getByRole('textbox', { name: 'Description' }).fill('My laptop’s CLI; rotate when I leave.');
    await dialog.getByRole('button', { name: 'Show GraphQL' }).click();
    await dialog.getByText('mutation UpdateApiKey').waitFor();
    await expectNoAxeViolations(page, 'edit dialog');
    await screenshot(page, SCREENSHOTS_DIR, 'key-edit-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('API key "laptop (ada)" saved').waitFor();
    await dialog.waitFor({ state: 'detached' });
    const row = table.getByRole('row', { name: /laptop \(ada\)/ });
    await row.getByText('My laptop’s CLI; rotate when I leave.').waitFor();
    expect(await row.textContent()).toMatch(/in 7 days/);
    // The audit log names the edit and what it changed.
    await page.goto(`${server.url}/acme/team/audit-log`);
    await page.getByText('Edited API key').first().waitFor();
    await page.getByText('Changed name, expiry, description').first().waitFor();
  });

  it('on a 390 px phone: the role, the description and both buttons, nothing sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/acme/user/keys`);
    await page.getByRole('button', { name: 'Edit API key reporting' }).waitFor();
    await page.getByText('Read-only key').first().waitFor();
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page, 'keys on a phone');
    await screenshot(page, SCREENSHOTS_DIR, 'key-roles-list-phone');
    await page.getByRole('button', { name: 'Edit API key laptop (ada)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit API key' });
    await dialog.waitFor();
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page, 'edit dialog on a phone');
    await screenshot(page, SCREENSHOTS_DIR, 'key-edit-dialog-phone');
  });
});
