/**
 * Team › Settings › Webhooks in Chromium against the demo data: an administrator adds a
 * webhook pointing at a receiver this test runs on loopback (allowed by
 * KEYPLANE_WEBHOOKS_ALLOW_PRIVATE), copies its secret, creates an API key, and sees the
 * delivery listed as delivered; the section and the deliveries fit 1280 and 390 px and
 * pass axe.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  signedInContext,
  skipE2e,
  startServer,
  type E2eServer,
} from './harness';

requireBrowserWhenAsked();

describe.skipIf(skipE2e)('Team › Settings › Webhooks in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: { email: string; password: string };
  let receiver: HttpServer;
  let receiverUrl: string;
  const received: { event: string; body: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ event: String(request.headers['keyplane-event']), body });
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/keyplane`;
    server = await startServer({ demo: true, config: { webhooksAllowPrivate: true } });
    browser = await launchBrowser();
    admin = demoAdmin(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  });

  it('adds a webhook, shows its secret once, and lists the delivery of a new API key as delivered', async () => {
    const { context, page } = await signedIn(SIZES[1]);
    await page.goto(`${server.url}/acme/team/settings`);
    const section = page.getByRole('region', { name: 'Webhooks' });
    await section.getByText('No webhooks yet').waitFor();
    await section.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill(receiverUrl);
    expect(await dialog.getByRole('checkbox', { name: 'api_key.created' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    const reveal = page.getByRole('dialog', { name: 'Your webhook has been added' });
    await expect.poll(() => reveal.getByRole('textbox', { name: 'Signing secret' }).textContent()).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    await reveal.getByRole('button', { name: 'Copy' }).click();
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });
    await section.getByRole('listitem', { name: receiverUrl }).waitFor();

    // An API key made in Acme: its api_key.created event reaches the receiver.
    const acme = (await asBrowser<{ tenant: { id: string }[] }>(context, server.url, `{ tenant(where: { slug: { _eq: "acme" } }) { id } }`)).tenant[0].id;
    const me = (await asBrowser<{ auth_info: { user_id: string } }>(context, server.url, `{ auth_info { user_id } }`, {}, acme)).auth_info.user_id;
    const created = await asBrowser<{ create_api_key: { id: string; key: string } }>(
      context,
      server.url,
      `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }`,
      { input: { user_id: me, name: 'webhook-e2e', default_tenant_id: acme } },
      acme,
    );
    await expect.poll(() => received.some((r) => r.event === 'api_key.created' && r.body.includes(created.create_api_key.id)), { timeout: 15_000 }).toBe(true);
    expect(received.map((r) => r.body).join('\n')).not.toContain(created.create_api_key.key);

    await section.getByRole('listitem', { name: receiverUrl }).getByRole('button', { name: 'Deliveries' }).click();
    const deliveries = page.getByRole('dialog', { name: 'Deliveries' });
    // The dialog polls: the delivery shows as delivered once the worker has sent it.
    await deliveries.getByRole('row').filter({ hasText: 'api_key.created' }).filter({ hasText: 'Delivered' }).first().waitFor({ timeout: 15_000 });
    await expect.poll(() => deliveries.getByRole('row').filter({ hasText: '200' }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it.each(SIZES)('fits $width px and passes axe, with the deliveries open', async (size) => {
    const { context, page } = await signedIn(size);
    await page.goto(`${server.url}/acme/team/settings`);
    const section = page.getByRole('region', { name: 'Webhooks' });
    const row = section.getByRole('listitem', { name: receiverUrl });
    await row.waitFor();
    await row.scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    await screenshot(page, SCREENSHOTS_DIR, `webhooks-${size.name}`);
    expect((await sidewaysOverflow(page)).by, `the page at ${size.width} px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `Team › Settings › Webhooks, ${size.width} px`);

    await row.getByRole('button', { name: 'Deliveries' }).click();
    const deliveries = page.getByRole('dialog', { name: 'Deliveries' });
    // A table on a laptop, one block per delivery on a phone.
    await deliveries.getByRole(size.name === 'phone' ? 'list' : 'table', { name: 'Deliveries' }).waitFor();
    await screenshot(page, SCREENSHOTS_DIR, `webhooks-${size.name}-deliveries`);
    expect((await sidewaysOverflow(page)).by, `the deliveries at ${size.width} px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `Webhook deliveries, ${size.width} px`);
    await deliveries.getByRole('button', { name: 'Close' }).click();
    await deliveries.waitFor({ state: 'detached' });

    await section.getByRole('button', { name: 'Add webhook' }).click();
    const add = page.getByRole('dialog', { name: 'Add webhook' });
    await add.getByRole('textbox', { name: 'URL' }).waitFor();
    await screenshot(page, SCREENSHOTS_DIR, `webhooks-${size.name}-add`);
    await expectNoAxeViolations(page, `Add webhook dialog, ${size.width} px`);
    await context.close();
  });

  const signedIn = (size: { width: number; height: number }) => signedInContext(browser, server.url, admin, size);
});
