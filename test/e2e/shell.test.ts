/**
 * The web app shell in a real browser against the real server: first-run setup,
 * sign in, a second tenant, an invitation accepted in a second browser, a role
 * change and sign out — with axe-core on every page and open dialog.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newContext, requireBrowserWhenAsked, sessionCookie, skipE2e, startServer, type E2eServer } from './harness';

/** The files index.html loads before any route: its scripts and their static imports. */
function entryChunks(uiDir: string): string[] {
  const html = readFileSync(join(uiDir, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(uiDir, file), 'utf8');
    // Static imports only (`import … from "./x.js"` / `import "./x.js"`), not import().
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      pending.push(`assets/${m[1]}`);
    }
  }
  return [...seen];
}

function gzippedSize(uiDir: string, file: string): number {
  return gzipSync(readFileSync(join(uiDir, file))).length;
}

const ADMIN = { email: 'ada@example.com', username: 'ada', password: 'correct-horse-battery' };
const INVITEE = { email: 'bob@example.com', username: 'bob', password: 'bobs-long-password' };

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

requireBrowserWhenAsked();

describe.skipIf(skipE2e)('web app shell in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await newContext(browser);
    await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await admin.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends the first visitor to setup, which creates the administrator and signs them in', async () => {
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Set up Keyplane' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    await expectNoAxeViolations(page, 'setup');

    // Mismatched passwords are caught before anything is sent.
    await page.getByLabel(/^Administrator email/).fill(ADMIN.email);
    await page.getByLabel(/^Username/).fill(ADMIN.username);
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByLabel(/^Confirm password/).fill('something else');
    await page.getByLabel(/^Tenant name/).fill('Acme Corp');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByText('The passwords do not match.').waitFor();
    await expectNoAxeViolations(page, 'setup with errors');

    await page.getByLabel(/^Confirm password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.waitForURL('**/acme-corp/user/keys');
    await page.getByRole('button', { name: /Tenant: Acme Corp/ }).waitFor();
    await page.getByRole('heading', { name: 'API Keys' }).waitFor();
    await expectNoAxeViolations(page, 'API Keys');
    expect(await sessionCookie(admin)).toBeTruthy();
  });

  it('signs out, refuses a wrong password with one message, and signs in to where the user was going', async () => {
    await page.goto(server.url + '/acme-corp/team/members');
    await page.getByRole('table', { name: 'Members' }).waitFor();
    await signOut(page);
    expect(await sessionCookie(admin)).toBeUndefined();

    // Signed out, an app page leads to sign-in and remembers where it was.
    await page.goto(server.url + '/acme-corp/team/members');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/acme-corp/team/members');
    await expectNoAxeViolations(page, 'sign in');

    await signIn(page, ADMIN.email, 'not-the-password');
    await page.getByText('The email or password is incorrect.').waitFor();
    await expectNoAxeViolations(page, 'sign in with error');

    await signIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL('**/acme-corp/team/members');
    await page.getByRole('cell', { name: /ada/ }).first().waitFor();
    await expectNoAxeViolations(page, 'Members');
  });

  it('keeps the entry bundle under 250 KB gzipped, pages and dialogs loading lazily', async () => {
    const entry = entryChunks(server.uiDir);
    const entrySize = entry.reduce((sum, file) => sum + gzippedSize(server.uiDir, file), 0);

    // Everything the first page really loads, in a fresh signed-in context (empty cache).
    const cold = await browser.newContext({ storageState: await admin.storageState() });
    try {
      const fresh = await cold.newPage();
      const scripts = new Set<string>();
      fresh.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname.slice(1));
      });
      await fresh.goto(server.url + '/acme-corp/team/members');
      await fresh.getByRole('table', { name: 'Members' }).waitFor();
      const pageSize = [...scripts].reduce((sum, file) => sum + gzippedSize(server.uiDir, file), 0);
      console.log(`entry bundle ${(entrySize / 1024).toFixed(1)} KB gzip; Members page in all ${(pageSize / 1024).toFixed(1)} KB`);

      expect(entrySize).toBeLessThan(250 * 1024);
      expect(scripts.size).toBeGreaterThan(entry.length); // the page came as lazy chunks
      expect([...scripts].some((file) => /invite-member-dialog/.test(file))).toBe(false); // dialogs wait to be opened
    } finally {
      await cold.close();
    }
  });

  it('creates a second tenant from the switcher and switches between tenants keeping the page', async () => {
    await page.getByRole('button', { name: /Tenant: Acme Corp/ }).click();
    await page.getByRole('menu').waitFor();
    await expectNoAxeViolations(page, 'tenant switcher menu');
    await page.getByRole('menuitem', { name: 'Create tenant' }).click();

    const dialog = page.getByRole('dialog', { name: 'Create tenant' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'create tenant dialog');
    await dialog.getByLabel(/^Tenant name/).fill('Globex');
    await dialog.getByRole('button', { name: 'Create tenant' }).click();

    await page.waitForURL('**/globex/team/members');
    await page.getByRole('button', { name: /Tenant: Globex/ }).waitFor();
    await page.getByRole('table', { name: 'Members' }).waitFor();

    // Switch back: same page, other tenant.
    await page.getByRole('button', { name: /Tenant: Globex/ }).click();
    await page.getByRole('menuitem', { name: /Acme Corp/ }).click();
    await page.waitForURL('**/acme-corp/team/members');
    await page.getByRole('button', { name: /Tenant: Acme Corp/ }).waitFor();

    // And forward again through the navigation, to Globex's members.
    await page.getByRole('button', { name: /Tenant: Acme Corp/ }).click();
    await page.getByRole('menuitem', { name: /Globex/ }).click();
    await page.waitForURL('**/globex/team/members');
  });

  let invitationLink = '';

  it('invites a member and shows the link once, with Copy', async () => {
    await page.getByRole('button', { name: 'Invite member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'invite member dialog');
    await dialog.getByLabel(/^Email/).fill(INVITEE.email);
    await dialog.getByRole('combobox', { name: /Role/ }).click();
    await page.getByRole('option', { name: 'User', exact: true }).click();
    await dialog.getByRole('button', { name: 'Create invitation' }).click();

    const shown = page.getByRole('dialog', { name: 'Invitation created' });
    await shown.waitFor();
    invitationLink = await shown.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${server.url}/invite/.+`));
    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invitationLink);
    await expectNoAxeViolations(page, 'invitation created dialog');
    await shown.getByRole('button', { name: 'Done' }).click();

    const pending = page.getByRole('table', { name: 'Pending invitations' });
    await pending.getByRole('cell', { name: INVITEE.email, exact: true }).waitFor();
    await expectNoAxeViolations(page, 'Members with a pending invitation');
  });

  it('accepts the invitation in a second browser with a new username and password', async () => {
    const invitee = await newContext(browser);
    try {
      const other = await invitee.newPage();
      await other.goto(invitationLink);
      await other.getByRole('heading', { name: 'Join Globex' }).waitFor();
      await other.getByText(INVITEE.email).first().waitFor();
      await expectNoAxeViolations(other, 'accept invitation');

      await other.getByLabel(/^Username/).fill(INVITEE.username);
      await other.getByLabel(/^Password/).fill(INVITEE.password);
      await other.getByLabel(/^Confirm password/).fill(INVITEE.password);
      await other.getByRole('button', { name: 'Create account and join' }).click();
      await other.waitForURL('**/globex/user/keys');
      await other.getByRole('button', { name: /Tenant: Globex/ }).waitFor();

      // A plain User sees the members but none of the administrator's controls.
      await other.getByRole('link', { name: 'Members' }).click();
      await other.getByRole('table', { name: 'Members' }).waitFor();
      await other.getByText('Only administrators can invite members').waitFor();
      expect(await other.getByRole('button', { name: 'Invite member' }).count()).toBe(0);

      // A tenant they do not belong to gets a clear page, not a blank one.
      await other.goto(server.url + '/acme-corp/team/members');
      await other.getByRole('heading', { name: 'No access to this tenant' }).waitFor();
      await expectNoAxeViolations(other, 'no access');

      // The link works once.
      await other.goto(invitationLink);
      await other.getByRole('heading', { name: 'This invitation has already been used' }).waitFor();
      await expectNoAxeViolations(other, 'used invitation');
    } finally {
      await invitee.close();
    }
  });

  it("changes the new member's role, and keeps the last administrator", async () => {
    await page.reload();
    const table = page.getByRole('table', { name: 'Members' });
    const bobRow = table.getByRole('row').filter({ hasText: INVITEE.username });
    await bobRow.waitFor();
    await expect(bobRow.getByRole('combobox', { name: `Role of ${INVITEE.username}` }).textContent()).resolves.toBe('User');
    await page.getByText('No pending invitations').waitFor();

    await bobRow.getByRole('combobox', { name: `Role of ${INVITEE.username}` }).click();
    await page.getByRole('listbox').waitFor();
    await expectNoAxeViolations(page, 'role select open');
    await page.getByRole('option', { name: 'Read-only' }).click();
    // The change asks first, saying from what to what.
    const change = page.getByRole('dialog', { name: `Change ${INVITEE.username}'s role?` });
    await change.getByText(/will be Read-only in Globex instead of User/).waitFor();
    await expectNoAxeViolations(page, 'role change confirmation');
    await change.getByRole('button', { name: 'Change role' }).click();
    await change.waitFor({ state: 'hidden' });
    await page.reload();
    await expect(page.getByRole('combobox', { name: `Role of ${INVITEE.username}` }).textContent()).resolves.toBe('Read-only');

    // The only administrator is not offered a demotion, and the tooltip says why.
    const mine = page.getByRole('combobox', { name: `Role of ${ADMIN.username}` });
    await expect.poll(() => mine.getAttribute('aria-disabled')).toBe('true');
    await expect(mine.textContent()).resolves.toBe('Administrator');
    await mine.locator('xpath=ancestor::span[@tabindex="0"][1]').hover();
    await page
      .getByRole('tooltip')
      .filter({ hasText: /only administrator of Globex/ })
      .waitFor();

    // Removal asks first; cancelling keeps the member.
    await page.getByRole('button', { name: `Remove ${INVITEE.username}` }).click();
    const confirm = page.getByRole('dialog', { name: `Remove ${INVITEE.username} from Globex?` });
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'remove member dialog');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await bobRow.waitFor();
  });

  it('shows a 404 page and an invalid-invitation page', async () => {
    await page.goto(server.url + '/globex/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expectNoAxeViolations(page, '404 in a tenant');
    await page.goto(server.url + '/invite/not-a-real-token');
    await page.getByRole('heading', { name: 'Invitation not found' }).waitFor();
    await expectNoAxeViolations(page, 'invalid invitation');
  });

  it('signs out from the user menu', async () => {
    await page.goto(server.url + '/globex/team/members');
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
    await expectNoAxeViolations(page, 'user menu');
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await sessionCookie(admin)).toBeUndefined();
    await page.goto(server.url + '/globex/team/members');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('is usable 390 px wide in the dark scheme', async () => {
    const phone = await newContext(browser, { width: 390, height: 844, colorScheme: 'dark' });
    try {
      const small = await phone.newPage();
      await small.goto(server.url + '/sign-in');
      await small.getByRole('heading', { name: 'Sign in' }).waitFor();
      await expectNoAxeViolations(small, 'sign in, 390 px, dark');
      await signIn(small, ADMIN.email, ADMIN.password);
      await small.waitForURL('**/user/keys');

      await small.getByRole('button', { name: 'Open navigation' }).click();
      await small.getByRole('link', { name: 'Members' }).click();
      await small.waitForURL('**/team/members');
      await small.getByRole('table', { name: 'Members' }).waitFor();
      await expectNoAxeViolations(small, 'Members, 390 px, dark');
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await small.getByRole('button', { name: 'Open navigation' }).click();
      await small.getByRole('link', { name: 'Service Accounts' }).waitFor();
      await expectNoAxeViolations(small, 'navigation drawer, 390 px, dark');
    } finally {
      await phone.close();
    }
  });
});
