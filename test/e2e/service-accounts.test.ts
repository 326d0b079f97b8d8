/**
 * Team › Service Accounts in Chromium against the real server: an administrator adds
 * an account and creates its key in the browser; the copied key authenticates as the
 * account and lists the tenant's service-account keys and no person's; a User-role
 * member sees no management and is refused by the API directly; revoking and removing
 * in the browser make the keys fail with 401 on the next request. axe-core checks the
 * page and every dialog; screenshots go to test-results/screenshots (README images).
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
  requireBrowserWhenAsked,
  screenshot,
  skipE2e,
  startServer,
  type E2eServer,
  bootstrap,
  ADA,
} from './harness';

const MEMBER = { email: 'bob@example.com', username: 'bob', password: 'bobs-long-password' };
const DAY = 86_400_000;

const CREATE_KEY = `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }`;

requireBrowserWhenAsked();

describe.skipIf(skipE2e)('Team › Service Accounts in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let member: BrowserContext;
  let page: Page;
  let tenantId: string;
  let memberKey: string;
  let serviceKey = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await newContext(browser);
    await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await admin.newPage();

    // The administrator and tenant (signs the admin context in), with a key of their own.
    const boot = await bootstrap(admin, server.url, ADA, 'acme');
    tenantId = boot.tenant_id;
    await asBrowser(admin, server.url, CREATE_KEY, { input: { user_id: boot.user_id, name: 'ada laptop' } }, 'acme');

    // A User-role member, who joins through an invitation (signing the member context in) and makes a key.
    const invitation = await asBrowser<{ create_membership_invitation: { token: string } }>(
      admin,
      server.url,
      `mutation ($input: create_membership_invitation_input!) { create_membership_invitation(input: $input) { token } }`,
      { input: { tenant_id: tenantId, email: MEMBER.email, role: 'USER' } },
      'acme',
    );
    member = await newContext(browser);
    await asBrowser(
      member,
      server.url,
      `mutation ($input: accept_membership_invitation_input!) { accept_membership_invitation(input: $input) { success } }`,
      { input: { token: invitation.create_membership_invitation.token, username: MEMBER.username, password: MEMBER.password } },
      'acme',
    );
    const me = await asBrowser<{ auth_info: { user_id: string; role: string } }>(member, server.url, '{ auth_info { user_id role } }', {}, 'acme');
    expect(me.auth_info.role).toBe('USER');
    const created = await asBrowser<{ create_api_key: { key: string } }>(
      member,
      server.url,
      CREATE_KEY,
      {
        input: { user_id: me.auth_info.user_id, name: 'bob laptop' },
      },
      'acme',
    );
    memberKey = created.create_api_key.key;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts empty, with what to do next', async () => {
    await page.goto(`${server.url}/acme/team/service-accounts`);
    await page.getByText('No service accounts yet').waitFor();
    await expectNoAxeViolations(page, 'Service Accounts, empty');
  });

  it('adds a service account as Administrator by default', async () => {
    await page.getByRole('button', { name: 'Add Service Account' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add Service Account' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Service Account Name/).fill('ci-deployer');
    expect(await dialog.getByRole('combobox', { name: 'Role' }).textContent()).toContain('Administrator');
    await expectNoAxeViolations(page, 'Add Service Account dialog');
    await screenshot(page, SCREENSHOTS_DIR, 'service-accounts-add');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const table = page.getByRole('table', { name: 'Service accounts' });
    const row = table.getByRole('row', { name: /ci-deployer/ }).first();
    await row.getByText('Administrator').waitFor();
    // The new account opens, ready for its first key.
    await page.getByRole('region', { name: 'API keys of ci-deployer' }).getByText('ci-deployer has no API keys yet').waitFor();
    expect(new URL(page.url()).searchParams.get('account')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('creates a key for the account, shown once; the copied key authenticates as the account', async () => {
    const region = page.getByRole('region', { name: 'API keys of ci-deployer' });
    await region.getByRole('button', { name: 'Create API Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API Key for ci-deployer' });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: /Tenant/ }).count()).toBe(0);
    await dialog.getByLabel(/^API Key Name/).fill('github actions');
    await dialog.getByRole('combobox', { name: /API Key Expiration/ }).click();
    await page.getByRole('option', { name: '90 days' }).click();
    await expectNoAxeViolations(page, 'Create API Key dialog');
    await screenshot(page, SCREENSHOTS_DIR, 'service-accounts-create-key');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();

    const reveal = page.getByRole('dialog', { name: 'Your API key has been created' });
    await reveal.waitFor();
    await expectNoAxeViolations(page, 'service-account key reveal');
    await reveal.getByRole('button', { name: 'Copy', exact: true }).click();
    await reveal.getByRole('button', { name: 'Copied' }).waitFor();
    serviceKey = await page.evaluate(() => navigator.clipboard.readText());
    expect(serviceKey).toMatch(/^kps_[A-Za-z0-9]{36}$/);
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });

    const keys = page.getByRole('table', { name: 'API keys of ci-deployer' });
    const row = keys.getByRole('row', { name: /github actions/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(serviceKey.slice(0, 8));
    expect(await row.textContent()).toContain('ada');
    // 90 days reads as months, as the API Keys page shows it.
    expect(await row.textContent()).toMatch(/in 3 months/);
    const accountRow = page
      .getByRole('table', { name: 'Service accounts' })
      .getByRole('row', { name: /ci-deployer/ })
      .first();
    await expect.poll(() => accountRow.getByRole('cell', { name: '1', exact: true }).count()).toBe(1);

    const answer = await callWithKey<{
      auth_info: {
        user_id: string;
        tenant_id: string;
        role: string;
        user: { username: string; account_type: string };
        tenant: { id: string; slug: string; name: string };
      };
    }>(server.url, serviceKey, '{ auth_info { user_id tenant_id role user { username account_type } tenant { id slug name } } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data?.auth_info).toMatchObject({
      tenant_id: tenantId,
      role: 'TENANT_ADMIN',
      user: { username: 'ci-deployer', account_type: 'SERVICE' },
      tenant: { id: tenantId, slug: 'acme', name: 'Acme' },
    });
  });

  it('with that key, auth_api_key lists the tenant’s service-account keys and none of any person’s', async () => {
    // A second account with a key, made by the first account's key (it is an Administrator).
    const second = await callWithKey<{ create_service_account: { id: string } }>(
      server.url,
      serviceKey,
      `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
      { input: { tenant_id: tenantId, name: 'nightly-etl', role: 'USER' } },
    );
    expect(second.body.errors).toBeUndefined();
    const secondKey = await callWithKey(server.url, serviceKey, CREATE_KEY, {
      input: { user_id: second.body.data!.create_service_account.id, name: 'etl runner', expires_at: new Date(Date.now() + 30 * DAY).toISOString() },
    });
    expect(secondKey.body.errors).toBeUndefined();

    const listed = await callWithKey<{ auth_api_key: { name: string; user: { username: string; account_type: string } }[] }>(
      server.url,
      serviceKey,
      '{ auth_api_key(order_by: [{ name: asc }]) { name user { username account_type } } }',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.data?.auth_api_key).toEqual([
      { name: 'etl runner', user: { username: 'nightly-etl', account_type: 'SERVICE' } },
      { name: 'github actions', user: { username: 'ci-deployer', account_type: 'SERVICE' } },
    ]);

    // The page shows the new account after a reload, with its role.
    await page.reload();
    const row = page
      .getByRole('table', { name: 'Service accounts' })
      .getByRole('row', { name: /nightly-etl/ })
      .first();
    await row.getByText('User', { exact: true }).waitFor();
    await page.getByRole('table', { name: 'API keys of ci-deployer' }).waitFor();
    await expectNoAxeViolations(page, 'Service Accounts with an open account');
    await screenshot(page, SCREENSHOTS_DIR, 'service-accounts-list');

    // On a phone the table keeps name, role, key count and actions, and still passes axe.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Remove nightly-etl' }).waitFor();
    await expectNoAxeViolations(page, 'Service Accounts on a phone');
    await screenshot(page, SCREENSHOTS_DIR, 'service-accounts-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // And in the dark colour scheme.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'Service Accounts, dark');
    await screenshot(page, SCREENSHOTS_DIR, 'service-accounts-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows a User-role member the accounts and roles only; the API refuses them whatever the UI does', async () => {
    const other = await member.newPage();
    try {
      await other.goto(`${server.url}/acme/team/service-accounts`);
      const table = other.getByRole('table', { name: 'Service accounts' });
      await table
        .getByRole('row', { name: /ci-deployer/ })
        .getByText('Administrator')
        .waitFor();
      await table
        .getByRole('row', { name: /nightly-etl/ })
        .getByText('User', { exact: true })
        .waitFor();
      await other.getByText('Only tenant administrators can manage service accounts').waitFor();
      expect(await other.getByRole('button', { name: 'Add Service Account' }).count()).toBe(0);
      expect(await table.getByRole('button').count()).toBe(0);
      expect(await other.getByText('github actions').count()).toBe(0);
      await expectNoAxeViolations(other, 'Service Accounts as a User');
      await screenshot(other, SCREENSHOTS_DIR, 'service-accounts-member');
    } finally {
      await other.close();
    }

    const refused = await callWithKey(
      server.url,
      memberKey,
      `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
      { input: { tenant_id: tenantId, name: 'sneaky' } },
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.body.data ?? null).toBeNull();
    // The member's key sees no service-account keys either.
    const theirs = await callWithKey<{ auth_api_key: { name: string }[] }>(server.url, memberKey, '{ auth_api_key { name } }');
    expect(theirs.body.data?.auth_api_key.map((k) => k.name)).toEqual(['bob laptop']);
    const names = await callWithKey<{ user_view_same_tenant: { username: string }[] }>(
      server.url,
      memberKey,
      '{ user_view_same_tenant(where: { account_type: { _eq: "SERVICE" } }) { username } }',
    );
    expect(names.body.data?.user_view_same_tenant.map((u) => u.username).sort()).toEqual(['ci-deployer', 'nightly-etl']);
  });

  it('revokes one of the account’s keys after a confirmation naming it; that key then gets 401', async () => {
    const accountId = new URL(page.url()).searchParams.get('account');
    const spare = await asBrowser<{ create_api_key: { key: string } }>(
      admin,
      server.url,
      CREATE_KEY,
      {
        input: { user_id: accountId, name: 'spare', expires_at: new Date(Date.now() + 3 * DAY).toISOString() },
      },
      'acme',
    );
    await page.reload();
    const keys = page.getByRole('table', { name: 'API keys of ci-deployer' });
    await keys.getByRole('row', { name: /spare/ }).getByText('Expires soon').waitFor();

    await keys.getByRole('button', { name: 'Revoke API key spare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke API key' });
    await dialog.getByText('Clients using this key will fail to authenticate at once').waitFor();
    expect(await dialog.textContent()).toContain('spare');
    await expectNoAxeViolations(page, 'revoke service-account key');
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByText('API key "spare" revoked').waitFor();
    await keys.getByRole('row', { name: /spare/ }).waitFor({ state: 'detached' });

    const answer = await callWithKey(server.url, spare.create_api_key.key, '{ auth_info { user_id } }');
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('changes the account’s role, and its key acts with the new role at once', async () => {
    await page.getByRole('button', { name: 'Change role of ci-deployer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change role of ci-deployer' });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: /^Read-only/ }).check();
    await expectNoAxeViolations(page, 'Change role dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('ci-deployer is now Read-only').waitFor();
    const row = page
      .getByRole('table', { name: 'Service accounts' })
      .getByRole('row', { name: /ci-deployer/ })
      .first();
    await row.getByText('Read-only').waitFor();

    const info = await callWithKey<{ auth_info: { role: string } }>(server.url, serviceKey, '{ auth_info { role } }');
    expect(info.body.data?.auth_info.role).toBe('READ_ONLY_USER');
  });

  it('removes the account after a confirmation naming it and its keys; its key gets 401 on the next request', async () => {
    await page.getByRole('button', { name: 'Remove ci-deployer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove ci-deployer?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('1 API key will stop working at once.');
    await expectNoAxeViolations(page, 'Remove service account dialog');
    await screenshot(page, SCREENSHOTS_DIR, 'service-accounts-remove');

    // The key works right up to the removal.
    expect((await callWithKey(server.url, serviceKey, '{ auth_info { user_id } }')).status).toBe(200);
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByText('Service account "ci-deployer" removed').waitFor();
    const table = page.getByRole('table', { name: 'Service accounts' });
    await table
      .getByRole('row', { name: /ci-deployer/ })
      .first()
      .waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('account')).toBeNull();

    const answer = await callWithKey(server.url, serviceKey, '{ auth_info { user_id } }');
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
