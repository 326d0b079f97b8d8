/**
 * Rotation in Chromium against the real server: Rotate beside the trash icon opens the
 * rotate dialog, the new key is revealed once, the list says the old key is rotating and
 * the new one replaces it; the new key's first use ends the old one. axe-core checks each
 * step; screenshots at 1280 and 390 px, with no sideways overflow on the phone.
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
  sidewaysOverflow,
  skipE2e,
  startServer,
  type E2eServer,
  bootstrap,
} from './harness';

const DAY = 86_400_000;

describe.skipIf(skipE2e)('Rotating an API key in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let oldKey: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    const boot = await bootstrap(context, server.url);
    const create = `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }`;
    const made = await asBrowser<{ create_api_key: { key: string } }>(
      context,
      server.url,
      create,
      { input: { user_id: boot.user_id, name: 'deploy bot', expires_at: new Date(Date.now() + 60 * DAY).toISOString() } },
      'acme',
    );
    oldKey = made.create_api_key.key;
    await asBrowser(context, server.url, create, { input: { user_id: boot.user_id, name: 'laptop', expires_at: null } }, 'acme');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('rotates from the list, reveals the new key once, and shows the rotation on both rows', async () => {
    await page.goto(`${server.url}/acme/user/keys`);
    const table = page.getByRole('table', { name: 'API keys' });
    await table.waitFor();
    await table.getByRole('button', { name: 'Rotate API key deploy bot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotate API key' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'rotate dialog');
    await dialog.getByRole('button', { name: 'Show GraphQL' }).click();
    await expect.poll(() => dialog.getByLabel('Mutation', { exact: true }).textContent()).toContain('rotate_api_key(input: $input)');
    await expectNoAxeViolations(page, 'rotate dialog with Show GraphQL');
    await screenshot(page, SCREENSHOTS_DIR, 'rotation-dialog');
    await dialog.getByRole('button', { name: 'Hide GraphQL' }).click();
    await dialog.getByRole('button', { name: 'Rotate', exact: true }).click();

    const reveal = page.getByRole('dialog', { name: 'Your new API key has been created' });
    await reveal.waitFor();
    await reveal.getByRole('button', { name: 'Copy', exact: true }).click();
    await reveal.getByRole('button', { name: 'Copied' }).waitFor();
    const newKey = await page.evaluate(() => navigator.clipboard.readText());
    expect(newKey).toMatch(/^kpu_[A-Za-z0-9]{36}$/);
    expect(newKey).not.toBe(oldKey);
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });

    await table.getByText('rotating — old key ends at first use of the new one, or in 1 day').waitFor();
    await table.getByText(/^replaces kpu_\w{4}… until this key is first used$/).waitFor();
    await expectNoAxeViolations(page, 'list during a rotation');
    await screenshot(page, SCREENSHOTS_DIR, 'rotation-list');

    await page.setViewportSize({ width: 390, height: 844 });
    const list = page.getByRole('list', { name: 'API keys' });
    await list.getByText('rotating — old key ends at first use of the new one, or in 1 day').waitFor();
    const overflow = await sidewaysOverflow(page);
    expect(overflow.by, overflow.culprits.join(', ')).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, 'phone list during a rotation');
    await screenshot(page, SCREENSHOTS_DIR, 'rotation-list-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Both keys work until the new one is used; from then on the old one is refused.
    expect((await callWithKey(server.url, oldKey, '{ auth_info { user_id } }')).status).toBe(200);
    expect((await callWithKey(server.url, newKey, '{ auth_info { user_id } }')).status).toBe(200);
    expect((await callWithKey(server.url, oldKey, '{ auth_info { user_id } }')).status).toBe(401);
    await page.reload();
    await table.getByRole('row', { name: /laptop/ }).waitFor();
    await expect.poll(() => table.getByText(/rotating|replaces/).count()).toBe(0);
    await expect.poll(() => table.getByRole('row', { name: /deploy bot/ }).count()).toBe(1);
  });
});
