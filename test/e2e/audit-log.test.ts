/**
 * Team › Audit Log in Chromium against the real server: an administrator creates and
 * revokes a key in the browser and finds both in the audit log (filter by action kept
 * across a reload); a User-role member gets the administrators-only message and the API
 * refuses them too. Also issue 8's check that names typed as HTML render as text: a key
 * and a service account named with markup appear literally on the API Keys, Service
 * Accounts and Audit Log pages, no element is created from them and no dialog fires.
 * axe-core checks the audit log; screenshots go to test-results/screenshots.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOTS_DIR,
  asBrowser,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  postAsBrowser,
  requireBrowserWhenAsked,
  screenshot,
  skipE2e,
  startServer,
  type E2eServer,
  bootstrap,
  ADA,
} from './harness';

const MEMBER = { email: 'uma@example.com', username: 'uma', password: 'umas-long-password' };
const HTML_KEY_NAME = '<img src=x onerror=alert(1)><b>bold</b>';
const HTML_ACCOUNT_NAME = '<script>alert(1)</script>';
const UI_KEY_NAME = 'audit trail e2e';

/**
 * Elements that markup in the names would have produced. The app itself renders no
 * <b>, no <img src="x"> and no inline script mentioning alert.
 */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const img of Array.from(document.querySelectorAll('img'))) {
      if (img.getAttribute('src') === 'x' || img.hasAttribute('onerror')) found.push(img.outerHTML);
    }
    for (const b of Array.from(document.querySelectorAll('b'))) found.push(b.outerHTML);
    for (const script of Array.from(document.querySelectorAll('script'))) {
      if ((script.textContent ?? '').includes('alert')) found.push(script.outerHTML);
    }
    return found;
  });
}

requireBrowserWhenAsked();

describe.skipIf(skipE2e)('Team › Audit Log in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let member: BrowserContext;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await newContext(browser);
    // On a busy 2-core machine Chromium's frames come slowly; 15 s was seen to run out.
    admin.setDefaultTimeout(30_000);
    await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await admin.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });

    // The first administrator (signs the admin context in), then a User-role member
    // who joins through an invitation (signs the member context in).
    const boot = await bootstrap(admin, server.url, ADA, 'acme');
    const invitation = await asBrowser<{ create_membership_invitation: { token: string } }>(
      admin,
      server.url,
      `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { id token } }`,
      { input: { tenant_id: boot.tenant_id, email: MEMBER.email, role: 'USER' } },
      'acme',
    );
    member = await newContext(browser);
    member.setDefaultTimeout(30_000);
    await asBrowser(
      member,
      server.url,
      `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`,
      {
        input: { token: invitation.create_membership_invitation.token, username: MEMBER.username, password: MEMBER.password },
      },
      'acme',
    );

    // Names with markup, created through the API as a script could.
    await asBrowser(
      admin,
      server.url,
      `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id } }`,
      {
        input: { user_id: boot.user_id, name: HTML_KEY_NAME },
      },
      'acme',
    );
    await asBrowser(
      admin,
      server.url,
      `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
      {
        input: { tenant_id: boot.tenant_id, name: HTML_ACCOUNT_NAME, role: 'USER' },
      },
      'acme',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records a key the administrator creates and revokes in the browser, and shows both', async () => {
    await page.goto(`${server.url}/acme/user/keys`);
    await page.getByRole('table', { name: 'API keys' }).waitFor();
    await page.getByRole('button', { name: 'Create an API Key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create an API Key' });
    await dialog.getByLabel(/^API Key Name/).fill(UI_KEY_NAME);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    const reveal = page.getByRole('dialog', { name: 'Your API key has been created' });
    await reveal.getByRole('button', { name: 'Copy', exact: true }).click();
    const key = await page.evaluate(() => navigator.clipboard.readText());
    expect(key).toMatch(/^kpu_[A-Za-z0-9]{36}$/);
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });

    const keys = page.getByRole('table', { name: 'API keys' });
    await keys.getByRole('button', { name: `Revoke API key ${UI_KEY_NAME}` }).click();
    await page.getByRole('dialog', { name: 'Revoke API key' }).getByRole('button', { name: 'Revoke', exact: true }).click();
    await keys.getByRole('row', { name: new RegExp(UI_KEY_NAME) }).waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit Log' }).click();
    await page.waitForURL(/\/acme\/team\/audit-log$/);
    const table = page.getByRole('table', { name: 'Audit events' });
    const revoked = table.getByRole('row', { name: new RegExp(`Revoked API key.*${UI_KEY_NAME}`) });
    const created = table.getByRole('row', { name: new RegExp(`Created API key.*${UI_KEY_NAME}`) });
    await revoked.waitFor();
    await created.waitFor();
    for (const row of [revoked, created]) {
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('ada');
      expect(text).toContain('127.0.0.1');
      expect(text).toContain('Just now');
    }
    // Newest first: the revocation sits above the creation.
    const order = await table.getByRole('row').allTextContents();
    expect(order.findIndex((t) => t.includes('Revoked API key'))).toBeLessThan(
      order.findIndex((t) => t.includes(`Created API key`) && t.includes(UI_KEY_NAME)),
    );
    // The key itself is never recorded.
    expect(await page.locator('main').textContent()).not.toContain(key);
    await expectNoAxeViolations(page, 'Audit Log');
    await screenshot(page, SCREENSHOTS_DIR, 'audit-log');
  });

  it('filters by action, keeps the filter in the URL across a reload, and passes axe with a picker open', async () => {
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Revoked API key' }).click();
    await page.waitForURL(/\?action=api_key\.revoke$/);
    const table = page.getByRole('table', { name: 'Audit events' });
    await expect.poll(() => table.getByRole('row').count(), { timeout: 20_000 }).toBe(2);
    await page.reload();
    await expect.poll(() => page.getByRole('table', { name: 'Audit events' }).getByRole('row').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByRole('combobox', { name: 'Action' }).textContent()).toContain('Revoked API key');
    await page.getByText('1–1 of 1').waitFor();

    await page
      .getByRole('button', { name: /Choose date/ })
      .first()
      .click();
    await page.getByRole('dialog').getByRole('gridcell').first().waitFor();
    await expectNoAxeViolations(page, 'Audit Log with the From picker open');
    await page.keyboard.press('Escape');
  });

  it('renders a key and a service account named with HTML as text on every page', async () => {
    await page.goto(`${server.url}/acme/user/keys`);
    const keys = page.getByRole('table', { name: 'API keys' });
    await keys.getByText(HTML_KEY_NAME, { exact: true }).waitFor();
    expect(await injectedElements(page)).toEqual([]);

    await page.goto(`${server.url}/acme/team/service-accounts`);
    const accounts = page.getByRole('table', { name: 'Service accounts' });
    await accounts.getByText(HTML_ACCOUNT_NAME, { exact: true }).first().waitFor();
    expect(await injectedElements(page)).toEqual([]);

    await page.goto(`${server.url}/acme/team/audit-log`);
    const events = page.getByRole('table', { name: 'Audit events' });
    await events.getByText(HTML_KEY_NAME, { exact: true }).waitFor();
    await events.getByText(HTML_ACCOUNT_NAME, { exact: true }).waitFor();
    expect(await injectedElements(page)).toEqual([]);
    await screenshot(page, SCREENSHOTS_DIR, 'audit-log-html-names');

    // Give a stray handler time to fire before asserting that none did.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  it('tells a member who is not an administrator that only administrators can read it; the API refuses them too', async () => {
    const memberPage = await member.newPage();
    await memberPage.goto(`${server.url}/acme/team/audit-log`);
    await memberPage.getByText('Only administrators can read the audit log').waitFor();
    expect(await memberPage.getByRole('table', { name: 'Audit events' }).count()).toBe(0);
    await expectNoAxeViolations(memberPage, 'Audit Log for a non-administrator');
    await screenshot(memberPage, SCREENSHOTS_DIR, 'audit-log-not-admin');

    const answer = await postAsBrowser<{ audit_event: unknown[] }>(member, server.url, '{ audit_event(limit: 5) { id action } }', {}, 'acme');
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.body.data?.audit_event ?? null).toBeNull();
    await memberPage.close();
  });
});
