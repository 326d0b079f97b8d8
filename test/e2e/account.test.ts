/**
 * Account in Chromium: the page at 1280 px and on a 390 px phone (nothing scrolls
 * sideways, axe finds nothing), signing out of the other sessions asks first and Cancel
 * keeps them, then a password change in one browser signs out the session of another
 * browser, and the new password signs in.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  requireBrowserWhenAsked,
  screenshot,
  SCREENSHOTS_DIR,
  demoAdmin,
  sidewaysOverflow,
  skipE2e,
  startServer,
  type E2eServer,
} from './harness';

async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(url + '/sign-in');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'API Keys' }).waitFor();
}

requireBrowserWhenAsked();

describe.skipIf(skipE2e)('Account in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  let login: { email: string; password: string };
  let slug: string;

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    login = demoAdmin(server);
    desktop = await newContext(browser);
    phone = await newContext(browser, { width: 390, height: 844 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from the user menu and fits at 1280 and 390 px with no axe violation', async () => {
    const page = await desktop.newPage();
    await signIn(page, server.url, login.email, login.password);
    slug = new URL(page.url()).pathname.split('/')[1];
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Account' }).click();
    await page.waitForURL(`**/${slug}/user/account`);
    await page.getByRole('list', { name: 'Your sessions' }).waitFor();
    expect((await sidewaysOverflow(page)).by).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'Account at 1280 px');
    await screenshot(page, SCREENSHOTS_DIR, 'account-1280');

    const small = await phone.newPage();
    await signIn(small, server.url, login.email, login.password);
    await small.goto(`${server.url}/${slug}/user/account`);
    await small.getByRole('list', { name: 'Your sessions' }).waitFor();
    // Both browsers are listed, this one marked.
    await expect.poll(() => small.getByRole('list', { name: 'Your sessions' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await small.getByText('This browser').waitFor();
    expect((await sidewaysOverflow(small)).by).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(small, 'Account at 390 px');
    await screenshot(small, SCREENSHOTS_DIR, 'account-390');
  });

  it('asks before signing out of the other sessions, and Cancel leaves them signed in', async () => {
    const small = phone.pages()[0];
    await small.getByRole('button', { name: 'Sign out of all other sessions' }).click();
    const dialog = small.getByRole('dialog', { name: /^Sign out of \d+ other sessions?\?$/ });
    await dialog.waitFor();
    // The desktop browser's session, the one other, is named by when it signed in.
    expect(await dialog.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    expect((await sidewaysOverflow(small)).by).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(small, 'Sign out of other sessions at 390 px');
    await screenshot(small, SCREENSHOTS_DIR, 'account-sign-out-others-390');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const page = desktop.pages()[0];
    await page.reload();
    await page.getByRole('list', { name: 'Your sessions' }).waitFor();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
  });

  it('changes the password: the other browser is signed out, this one stays, and the new password signs in', async () => {
    const page = desktop.pages()[0];
    const newPassword = 'a-brand-new-passphrase';
    const form = page.getByRole('form', { name: 'Change password' });
    await form.getByLabel(/^Current password/).fill(login.password);
    await form.getByLabel(/^New password/).fill(newPassword);
    await form.getByLabel(/^Confirm new password/).fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed. Your other sessions were signed out.').waitFor();
    await expectNoAxeViolations(page, 'Account after a password change');
    await expect.poll(() => page.getByRole('list', { name: 'Your sessions' }).getByRole('listitem').count()).toBe(1);

    const small = phone.pages()[0];
    await small.reload();
    await small.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(small.url()).pathname).toBe('/sign-in');

    await page.reload();
    await page.getByRole('list', { name: 'Your sessions' }).waitFor();

    await small.getByLabel(/^Email/).fill(login.email);
    await small.getByLabel(/^Password/).fill(newPassword);
    await small.getByRole('button', { name: 'Sign in', exact: true }).click();
    await small.waitForURL(`**/${slug}/user/account`);
  });
});
