/**
 * Every page and every dialog of the app, at 1280×800 and on a 390×844 phone, against
 * the demo data: nothing scrolls sideways, axe-core finds no WCAG 2.1 A/AA violation,
 * and a screenshot of each goes to test-results/screenshots/walk-<size>-<name>.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOTS_DIR,
  SIZES,
  demoAdmin,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  screenshot,
  sidewaysOverflow,
  skipE2e,
  startServer,
  type E2eServer,
} from './harness';

describe.skipIf(skipE2e)('every page and dialog fits and passes axe', () => {
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

  it.each(SIZES)('first-run setup at $name size, with every field’s problem shown at once', async (size) => {
    const fresh = await startServer();
    const context = await newContext(browser, { width: size.width, height: size.height });
    try {
      const page = await context.newPage();
      await page.goto(`${fresh.url}/setup`);
      await page.getByRole('button', { name: 'Create administrator' }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, SCREENSHOTS_DIR, `walk-${size.name}-setup`);
      await page.getByRole('button', { name: 'Create administrator' }).click();
      await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBe(5);
      await screenshot(page, SCREENSHOTS_DIR, `walk-${size.name}-setup-errors`);
      const overflow = await sidewaysOverflow(page);
      expect(overflow.by, `setup scrolls sideways: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `setup with errors, ${size.width} px`);
    } finally {
      await context.close();
      await fresh.close();
    }
  });

  describe.each(SIZES)('$name ($width×$height)', (size) => {
    let context: BrowserContext;
    let page: Page;

    /** The check every view gets: no sideways scrolling, no axe violation, a screenshot. */
    async function check(name: string) {
      await page.waitForLoadState('networkidle');
      await screenshot(page, SCREENSHOTS_DIR, `walk-${size.name}-${name}`);
      const overflow = await sidewaysOverflow(page);
      expect(overflow.by, `${name} scrolls sideways at ${size.width} px: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `${name}, ${size.width} px`);
    }

    async function closeDialog(name: string | RegExp) {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name }).waitFor({ state: 'detached' });
    }

    beforeAll(async () => {
      context = await newContext(browser, { width: size.width, height: size.height });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('sign in', async () => {
      await page.goto(`${server.url}/sign-in`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await check('sign-in');
      await page.getByLabel(/^Email/).fill(admin.email);
      await page.getByLabel(/^Password/).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/acme\/user\/keys/);
    });

    it('User › API Keys, its dialogs and the reveal', async () => {
      const list = page.getByRole(size.name === 'phone' ? 'list' : 'table', { name: 'API keys' });
      await list.waitFor();
      await check('api-keys');
      if (size.name === 'desktop') {
        // A row with "Expires soon" is as tall as one without.
        const heights = await list.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => Math.round(row.getBoundingClientRect().height)));
        expect(new Set(heights).size, `row heights ${heights.join(', ')}`).toBe(1);
      }

      await page.getByRole('button', { name: 'Create an API Key' }).click();
      const create = page.getByRole('dialog', { name: 'Create an API Key' });
      await create.getByLabel(/^API Key Name/).fill(`walk ${size.name}`);
      await create.getByRole('combobox', { name: /API Key Expiration/ }).click();
      await page.getByRole('option', { name: 'Custom date' }).click();
      await create.getByRole('group', { name: /Expiration date/ }).waitFor();
      await check('api-keys-create');
      await create.getByRole('combobox', { name: /API Key Expiration/ }).click();
      await page.getByRole('option', { name: '30 days' }).click();
      await create.getByRole('button', { name: 'Create', exact: true }).click();
      const reveal = page.getByRole('dialog', { name: 'Your API key has been created' });
      await reveal.waitFor();
      await check('api-keys-reveal');
      // "Copied" takes the place of "Copy" without moving the key field.
      const field = reveal.getByRole('textbox', { name: 'API key' });
      const before = await field.boundingBox();
      await reveal.getByRole('button', { name: 'Copy', exact: true }).click();
      await reveal.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await field.boundingBox()).toEqual(before);
      await reveal.getByRole('button', { name: 'Done' }).click();
      await reveal.waitFor({ state: 'detached' });

      await list.getByRole('button', { name: `Revoke API key walk ${size.name}` }).click();
      await page.getByRole('dialog', { name: 'Revoke API key' }).waitFor();
      await check('api-keys-revoke');
      await closeDialog('Revoke API key');

      await list.getByRole('button', { name: `Edit API key walk ${size.name}` }).click();
      await page.getByRole('dialog', { name: 'Edit API key' }).waitFor();
      await check('api-keys-edit');
      await closeDialog('Edit API key');
    });

    it('the navigation, the tenant switcher and the user menu', async () => {
      if (size.name === 'phone') {
        await page.getByRole('button', { name: 'Open navigation' }).click();
        const drawerLinks = ['API Keys', 'Service Accounts', 'Members', 'Audit Log'];
        for (const name of drawerLinks) {
          const link = page.getByRole('link', { name });
          await link.waitFor();
          // Below the top bar and inside the window: every entry can be seen and tapped.
          const box = await link.boundingBox();
          expect(box && box.y >= 56 && box.y + box.height <= size.height, `${name} is on screen`).toBe(true);
        }
        await check('navigation');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Open navigation' }).waitFor();
      }
      await page.getByRole('button', { name: /Tenant: / }).click();
      await page.getByRole('menu').waitFor();
      await check('tenant-switcher');
      await page.getByRole('menuitem', { name: /Create tenant/ }).click();
      await page.getByRole('dialog', { name: 'Create tenant' }).waitFor();
      await check('create-tenant');
      await closeDialog('Create tenant');

      await page.getByRole('button', { name: /^Account:/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
      await check('user-menu');
      await page.keyboard.press('Escape');
    });

    it('Team › Service Accounts and its dialogs', async () => {
      await page.goto(`${server.url}/acme/team/service-accounts`);
      await page.getByRole('table', { name: 'Service accounts' }).waitFor();
      await check('service-accounts');
      await page.getByRole('button', { name: 'Show keys of ci-deployer' }).click();
      await page.getByRole('heading', { name: 'API keys of ci-deployer' }).waitFor();
      await check('service-account-keys');
      await page.getByRole('button', { name: 'Create API Key', exact: true }).click();
      await page.getByRole('dialog', { name: /Create an API Key for ci-deployer/ }).waitFor();
      await check('service-account-create-key');
      await closeDialog(/Create an API Key for ci-deployer/);

      await page.getByRole('button', { name: 'Add Service Account' }).click();
      await page.getByRole('dialog', { name: 'Add Service Account' }).waitFor();
      await check('add-service-account');
      await closeDialog('Add Service Account');

      await page.getByRole('button', { name: 'Change role of flow-agent' }).click();
      await page.getByRole('dialog', { name: /Change role/ }).waitFor();
      await check('service-account-change-role');
      await closeDialog(/Change role/);

      await page.getByRole('button', { name: 'Remove flow-agent' }).click();
      await page.getByRole('dialog', { name: /Remove/ }).waitFor();
      await check('remove-service-account');
      await closeDialog(/Remove/);
    });

    it('Team › Members and its dialogs, and accepting an invitation', async () => {
      await page.goto(`${server.url}/acme/team/members`);
      await page.getByRole('table', { name: 'Members' }).waitFor();
      await check('members');
      await page.getByRole('button', { name: 'Invite member' }).click();
      const invite = page.getByRole('dialog', { name: 'Invite member' });
      await invite.waitFor();
      await check('invite-member');
      const email = `walk-${size.name}@example.com`;
      await invite.getByLabel(/^Email/).fill(email);
      await invite.getByRole('button', { name: 'Create invitation' }).click();
      const created = page.getByRole('dialog', { name: 'Invitation created' });
      await created.waitFor();
      await check('invitation-created');
      const link = await created.getByRole('textbox', { name: 'Invitation link' }).inputValue();
      await created.getByRole('button', { name: 'Done' }).click();
      await created.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: `Revoke invitation for ${email}` }).click();
      await page.getByRole('dialog', { name: 'Revoke invitation?' }).waitFor();
      await check('revoke-invitation');
      await closeDialog('Revoke invitation?');

      // The invitation as its recipient opens it, signed out, in a browser of their own.
      const visitor = await newContext(browser, { width: size.width, height: size.height });
      try {
        const visitorPage = await visitor.newPage();
        await visitorPage.goto(link);
        await visitorPage.getByRole('heading', { name: /^Join / }).waitFor();
        await visitorPage.waitForLoadState('networkidle');
        await screenshot(visitorPage, SCREENSHOTS_DIR, `walk-${size.name}-accept-invitation`);
        const overflow = await sidewaysOverflow(visitorPage);
        expect(overflow.by, `accept-invitation scrolls sideways: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(visitorPage, `accept-invitation, ${size.width} px`);
      } finally {
        await visitor.close();
      }

      // A role change asks first.
      await page.getByRole('combobox', { name: 'Role of Uma User' }).click();
      await page.getByRole('option', { name: 'Read-only' }).click();
      await page.getByRole('dialog', { name: "Change Uma User's role?" }).waitFor();
      await check('member-change-role');
      await closeDialog("Change Uma User's role?");

      await page.getByRole('button', { name: 'Remove Uma User' }).click();
      await page.getByRole('dialog', { name: /Remove/ }).waitFor();
      await check('remove-member');
      await closeDialog(/Remove/);
    });

    it('Team › Audit Log with its filters', async () => {
      await page.goto(`${server.url}/acme/team/audit-log`);
      await page.getByRole(size.name === 'phone' ? 'list' : 'table', { name: 'Audit events' }).waitFor();
      await page.getByRole('group', { name: 'From' }).waitFor();
      await check('audit-log');
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: 'CSV' }).waitFor();
      await check('audit-log-export');
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });
    });

    it('Page not found, in a tenant and at the top level', async () => {
      await page.goto(`${server.url}/acme/no-such-page`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await check('not-found');
    });
  });
});
