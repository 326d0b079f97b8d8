/**
 * Screenshots of every page in light and dark, desktop and 390 px wide, for the
 * README: `npx tsx scripts/screenshots.ts` writes docs/screenshots/<page>-<scheme>-<size>.png.
 * Runs the real server (a demo tenant for the app pages, an empty one for setup)
 * in Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, ROOT, screenshot, startServer, type E2eServer } from '../test/e2e/harness';

const OUT = join(ROOT, 'docs/screenshots');
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

interface Shot {
  name: string;
  /** Opens the page (and anything on it) ready to be photographed. */
  open(page: Page): Promise<void>;
}

async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/user\/keys/);
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

async function invitationToken(page: Page, url: string): Promise<string> {
  const post = (query: string, variables: unknown = {}) =>
    page.request.post(`${url}/graphql`, { data: { query, variables }, headers: { 'X-Keyplane-CSRF': '1', 'X-Tenant-Id': 'acme' } }).then((r) => r.json());
  const info = await post('{ auth_info { tenant_id } }');
  const created = await post('mutation($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { token } }', {
    input: { tenant_id: info.data.auth_info.tenant_id, email: 'grace@acme.test', role: 'USER' },
  });
  return created.data.create_membership_invitation.token;
}

async function shoot(browser: Browser, demo: E2eServer, empty: E2eServer, admin: { email: string; password: string }) {
  let token: string | undefined;
  for (const scheme of SCHEMES) {
    for (const size of SIZES) {
      const suffix = `${scheme}-${size.name}`;
      const context = await newContext(browser, { width: size.width, height: size.height, colorScheme: scheme });
      const page = await context.newPage();

      await page.goto(`${empty.url}/setup`);
      await page.getByRole('heading', { name: 'Set up Keyplane' }).waitFor();
      await settle(page);
      await screenshot(page, OUT, `setup-${suffix}`);

      await page.goto(`${demo.url}/sign-in`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await settle(page);
      await screenshot(page, OUT, `sign-in-${suffix}`);

      await signIn(page, demo.url, admin.email, admin.password);
      token ??= await invitationToken(page, demo.url);

      const shots: Shot[] = [
        { name: 'api-keys', open: async (p) => void (await p.goto(`${demo.url}/acme/user/keys`)) },
        { name: 'service-accounts', open: async (p) => void (await p.goto(`${demo.url}/acme/team/service-accounts`)) },
        {
          name: 'members',
          open: async (p) => {
            await p.goto(`${demo.url}/acme/team/members`);
            await p.getByRole('table', { name: 'Members' }).waitFor();
          },
        },
        {
          name: 'invite-member',
          open: async (p) => {
            await p.goto(`${demo.url}/acme/team/members`);
            await p.getByRole('button', { name: 'Invite member' }).click();
            await p
              .getByRole('dialog', { name: 'Invite member' })
              .getByLabel(/^Email/)
              .fill('grace@acme.test');
          },
        },
        {
          name: 'tenant-switcher',
          open: async (p) => {
            await p.goto(`${demo.url}/acme/team/members`);
            await p.getByRole('button', { name: /Tenant: / }).click();
            await p.getByRole('menu').waitFor();
          },
        },
        {
          name: 'audit-log',
          open: async (p) => {
            await p.goto(`${demo.url}/acme/team/audit-log`);
            await p.getByRole('group', { name: 'From' }).waitFor();
          },
        },
        {
          name: 'audit-log-export',
          open: async (p) => {
            await p.goto(`${demo.url}/acme/team/audit-log`);
            await p.getByRole('group', { name: 'From' }).waitFor();
            await p.getByRole('button', { name: 'Export' }).click();
            await p.getByRole('menuitem', { name: 'JSON lines' }).waitFor();
          },
        },
        {
          name: 'member-change-role',
          open: async (p) => {
            await p.goto(`${demo.url}/acme/team/members`);
            await p.getByRole('combobox', { name: 'Role of Uma User' }).click();
            await p.getByRole('option', { name: 'Read-only' }).click();
            await p.getByRole('dialog', { name: "Change Uma User's role?" }).waitFor();
          },
        },
        {
          name: 'account',
          open: async (p) => {
            await p.goto(`${demo.url}/acme/user/account`);
            await p.getByRole('list', { name: 'Your sessions' }).waitFor();
          },
        },
        {
          name: 'tenant-settings',
          open: async (p) => {
            await p.goto(`${demo.url}/acme/team/settings`);
            await p.getByRole('heading', { name: 'Danger zone' }).waitFor();
          },
        },
        {
          name: 'navigation',
          open: async (p) => {
            await p.goto(`${demo.url}/acme/user/keys`);
            if (size.name === 'mobile') await p.getByRole('button', { name: 'Open navigation' }).click();
            await p.getByRole('link', { name: 'Audit Log' }).waitFor();
          },
        },
        { name: 'not-found', open: async (p) => void (await p.goto(`${demo.url}/acme/no-such-page`)) },
      ];
      for (const shot of shots) {
        await shot.open(page);
        await settle(page);
        await screenshot(page, OUT, `${shot.name}-${suffix}`);
        await page.keyboard.press('Escape');
      }

      // The invitation page, seen by someone signed out.
      const visitor = await newContext(browser, { width: size.width, height: size.height, colorScheme: scheme });
      const visitorPage = await visitor.newPage();
      await visitorPage.goto(`${demo.url}/invite/${token}`);
      await visitorPage.getByRole('heading', { name: /Join/ }).waitFor();
      await settle(visitorPage);
      await screenshot(visitorPage, OUT, `accept-invitation-${suffix}`);
      await visitor.close();
      await context.close();
      console.log(`screenshots: ${suffix} done`);
    }
  }
}

async function main() {
  // Overwrite our files only: other pages' docs keep their own screenshots here.
  mkdirSync(OUT, { recursive: true });
  const demo = await startServer({ demo: true });
  const empty = await startServer();
  const browser = await launchBrowser();
  try {
    const login = demo.server.demoLogins?.find((l) => l.email.startsWith('admin'));
    if (!login) throw new Error('the demo seed printed no administrator login');
    await shoot(browser, demo, empty, login);
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await demo.close();
    await empty.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
