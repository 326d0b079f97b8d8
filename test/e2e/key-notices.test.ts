/**
 * Key notices in Chromium against the real server: two keys expiring this week show the
 * alert on User › API Keys and the top bar's badge, at a laptop's and a phone's width;
 * axe-core checks the page; screenshots go to test-results/screenshots.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOTS_DIR,
  SIZES,
  asBrowser,
  bootstrap,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  skipE2e,
  startServer,
  type E2eServer,
} from './harness';

const DAY = 86_400_000;

describe.skipIf(skipE2e)('Key notices in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await newContext(browser);
    const boot = await bootstrap(admin, server.url);
    const create = `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id } }`;
    for (const input of [
      { name: 'nightly backup', expires_at: new Date(Date.now() + 3 * DAY).toISOString() },
      { name: 'release bot', expires_at: new Date(Date.now() + 5 * DAY).toISOString() },
      { name: 'laptop', expires_at: new Date(Date.now() + 30 * DAY).toISOString() },
    ]) {
      await asBrowser(admin, server.url, create, { input: { user_id: boot.user_id, ...input } }, 'acme');
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const size of SIZES) {
    it(`shows "2 keys expire this week" and the top bar's badge at ${size.width} px`, async () => {
      const context = await newContext(browser, { width: size.width, height: size.height });
      await context.addCookies(await admin.cookies());
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/acme/user/keys`);
        await page.getByText('2 keys expire this week.').waitFor();
        const badge = page.getByRole('link', { name: '2 key notices' });
        await badge.waitFor();
        await expectNoAxeViolations(page, `User › API Keys with key notices at ${size.width} px`);
        await screenshot(page, join(SCREENSHOTS_DIR, 'key-notices'), `api-keys-${size.name}`);
        await badge.click();
        await page.waitForURL(/\/acme\/user\/keys$/);
        expect(await page.getByRole('alert').filter({ hasText: 'expire this week' }).count()).toBe(1);
      } finally {
        await context.close();
      }
    });
  }
});
