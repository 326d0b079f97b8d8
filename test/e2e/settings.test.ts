/**
 * Team › Settings in Chromium against the demo data: the page and its delete dialog fit
 * 1280 and 390 px and pass axe; a slug change moves the app, and an address with the old
 * slug lands on the same page under the new one; a second tenant is deleted after its
 * name is typed, and the administrator lands on their other tenant.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOTS_DIR,
  SIZES,
  asBrowser,
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

describe.skipIf(skipE2e)('Team › Settings in Chromium', () => {
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

  it.each(SIZES)('fits $width px and passes axe, with the delete dialog open', async (size) => {
    const { context, page } = await signedIn(size);
    await page.goto(`${server.url}/acme/team/settings`);
    await page.getByRole('heading', { name: 'Danger zone' }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, SCREENSHOTS_DIR, `settings-${size.name}`);
    expect((await sidewaysOverflow(page)).by, `the page at ${size.width} px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `Team › Settings, ${size.width} px`);

    await page.getByRole('button', { name: 'Delete tenant' }).click();
    const dialog = page.getByRole('dialog', { name: /^Delete / });
    await dialog.getByText(/API keys? will stop working at once/).waitFor();
    await screenshot(page, SCREENSHOTS_DIR, `settings-${size.name}-delete`);
    expect((await sidewaysOverflow(page)).by, `the delete dialog at ${size.width} px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `Delete tenant dialog, ${size.width} px`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });

  it('changes the slug, and an old address lands on the new one', async () => {
    const { context, page } = await signedIn(SIZES[1]);
    await page.goto(`${server.url}/acme/team/settings`);
    const slug = page.getByRole('textbox', { name: 'URL name' });
    await slug.fill('acme-corp');
    await page.getByRole('button', { name: 'Change URL' }).click();
    await page.waitForURL(`${server.url}/acme-corp/team/settings`);
    await page.getByText('The URL is now /acme-corp.', { exact: false }).waitFor();

    await page.goto(`${server.url}/acme/team/members?page=1`);
    await page.waitForURL(`${server.url}/acme-corp/team/members?page=1`);
    await page.getByRole('table', { name: 'Members' }).waitFor();
    await context.close();
  });

  it('deletes a second tenant once its name is typed, and lands on the other tenant', async () => {
    const { context, page } = await signedIn(SIZES[1]);
    await asBrowser(context, server.url, `mutation { create_tenant(input: { name: "Doomed Co", slug: "doomed-co" }) { id } }`);
    await page.goto(`${server.url}/doomed-co/team/settings`);
    await page.getByRole('button', { name: 'Delete tenant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Doomed Co?' });
    const confirm = dialog.getByRole('button', { name: 'Delete tenant' });
    await dialog.getByRole('textbox', { name: 'Tenant name' }).fill('doomed co');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Tenant name' }).fill('Doomed Co');
    await confirm.click();
    // Another of the administrator's tenants (the demo's), at its first page.
    await page.waitForURL((url) => url.pathname.endsWith('/user/keys') && !url.pathname.startsWith('/doomed-co/'));
    await page.getByRole('heading', { name: 'API Keys' }).waitFor();
    const { tenant } = await asBrowser<{ tenant: { slug: string }[] }>(context, server.url, `{ tenant { slug } }`);
    expect(tenant.map((t) => t.slug)).not.toContain('doomed-co');
    await context.close();
  });
});
