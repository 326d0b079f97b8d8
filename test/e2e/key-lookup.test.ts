/**
 * Team › Whose key is this? in Chromium against the demo data: an administrator pastes a
 * leaked service-account key, sees whose it is, and revokes it as leaked (the key gets
 * 401 on its next request); a mistyped key says so without a request. The page, its
 * answer and the dialog fit 1280 and 390 px and pass axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOTS_DIR,
  SIZES,
  asBrowser,
  callWithKey,
  demoAdmin,
  expectNoAxeViolations,
  launchBrowser,
  requireBrowserWhenAsked,
  screenshot,
  sidewaysOverflow,
  skipE2e,
  startServer,
  type E2eServer,
  signedInContext,
} from './harness';

requireBrowserWhenAsked();

const AUTH_INFO = '{ auth_info { api_key_id } }';

describe.skipIf(skipE2e)('Team › Whose key is this? in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: { email: string; password: string };

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    admin = demoAdmin(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedIn = (size: { width: number; height: number }) => signedInContext(browser, server.url, admin, size);

  /** A new key of one of the demo's service accounts, used once from a script (as a leaked key would have been). */
  async function leakedServiceAccountKey(context: BrowserContext): Promise<{ key: string; account: string }> {
    const { user_view_same_tenant: accounts } = await asBrowser<{ user_view_same_tenant: { id: string; username: string }[] }>(
      context,
      server.url,
      `{ user_view_same_tenant(where: { account_type: { _eq: "SERVICE" } }, order_by: [{ username: asc }]) { id username } }`,
      {},
      'acme',
    );
    const account = accounts[0];
    const { create_api_key: created } = await asBrowser<{ create_api_key: { key: string } }>(
      context,
      server.url,
      `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { key } }`,
      { input: { user_id: account.id, name: `deploy-${Date.now()}` } },
      'acme',
    );
    expect((await callWithKey(server.url, created.key, AUTH_INFO)).status).toBe(200);
    return { key: created.key, account: account.username };
  }

  async function pasteInto(page: Page, text: string): Promise<void> {
    const field = page.getByRole('textbox', { name: 'Key or hint' });
    await field.fill(text);
  }

  it.each(SIZES)('finds whose a pasted key is and revokes it as leaked, at $width px', async (size) => {
    const { context, page } = await signedIn(size);
    const leaked = await leakedServiceAccountKey(context);
    // The use's source address is written with its time, in the next batch (a second later).
    await new Promise((done) => setTimeout(done, 1_500));

    await page.goto(`${server.url}/acme/team/whose-key`);
    await page.getByRole('heading', { name: 'Whose key is this?' }).waitFor();
    const lookups: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('KeyLookupPage')) lookups.push(request.postData()!);
    });

    // A typo: the checksum says so at once, and nothing is sent.
    const typo = `${leaked.key.slice(0, 15)}${leaked.key[15] === 'x' ? 'y' : 'x'}${leaked.key.slice(16)}`;
    await pasteInto(page, typo);
    await page.getByText(/This key is mistyped/).waitFor();
    await expect(page.getByRole('button', { name: 'Look up' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, SCREENSHOTS_DIR, `key-lookup-${size.name}-mistyped`);
    await expectNoAxeViolations(page, `Whose key is this? with a mistyped key, ${size.width} px`);
    expect(lookups).toEqual([]);

    await pasteInto(page, leaked.key);
    await page.getByText(/The checksum matches/).waitFor();
    await page.getByRole('button', { name: 'Look up' }).click();
    const card = page.getByRole('article', { name: new RegExp(`${leaked.account}'s key`) });
    await card.waitFor();
    expect(lookups).toHaveLength(1);
    await expect(card.getByText(`${leaked.account} (service account)`).isVisible()).resolves.toBe(true);
    await expect(card.getByText('127.0.0.1').isVisible()).resolves.toBe(true);
    await page.waitForLoadState('networkidle');
    await screenshot(page, SCREENSHOTS_DIR, `key-lookup-${size.name}-found`);
    expect((await sidewaysOverflow(page)).by, `the answer at ${size.width} px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `Whose key is this? with its answer, ${size.width} px`);

    await card.getByRole('button', { name: 'Revoke as leaked' }).click();
    const dialog = page.getByRole('dialog', { name: /as leaked\?$/ });
    await dialog.getByRole('textbox', { name: 'Where was it found?' }).fill('https://github.com/acme/deploy/blob/main/.env');
    await screenshot(page, SCREENSHOTS_DIR, `key-lookup-${size.name}-revoke`);
    expect((await sidewaysOverflow(page)).by, `the dialog at ${size.width} px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `Revoke as leaked dialog, ${size.width} px`);
    await dialog.getByRole('button', { name: 'Revoke as leaked' }).click();
    await page
      .getByText(/^Revoked .* as leaked\.$/)
      .first()
      .waitFor();
    await dialog.waitFor({ state: 'detached' });

    const after = await callWithKey(server.url, leaked.key, AUTH_INFO);
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // The audit log says where it was found.
    await page.goto(`${server.url}/acme/team/audit-log`);
    await page.getByText('Found at: https://github.com/acme/deploy/blob/main/.env').first().waitFor();
    await context.close();
  });
});
