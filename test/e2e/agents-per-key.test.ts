/**
 * Agents per key in Chromium against the real server: a Prefect agent registers with a
 * service-account key (register_agent) and a keyplane agent checks in with it
 * (X-Keyplane-Agent on its auth_info); Team › Service Accounts lists both under the key,
 * and the revoke and remove dialogs name them among the agents that will stop. At 1280
 * and 390 px: no sideways scrolling, axe-core clean, screenshots in test-results/screenshots.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { agentHeaders } from '../../src/shared/agents';
import {
  SCREENSHOTS_DIR,
  SIZES,
  asBrowser,
  callWithKey,
  expectNoAxeViolations,
  launchBrowser,
  newContext,
  requireBrowserWhenAsked,
  screenshot,
  sidewaysOverflow,
  skipE2e,
  startServer,
  type E2eServer,
  bootstrap,
  ADA,
} from './harness';

requireBrowserWhenAsked();

describe.skipIf(skipE2e)('agents seen with a key, in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: BrowserContext;
  let accountId: string;
  let key: { id: string; key: string };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await newContext(browser);
    await bootstrap(admin, server.url, ADA, 'acme');
    const tenant = await asBrowser<{ auth_info: { tenant_id: string } }>(admin, server.url, '{ auth_info { tenant_id } }', {}, 'acme');
    accountId = (
      await asBrowser<{ create_service_account: { id: string } }>(
        admin,
        server.url,
        `mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }`,
        { input: { tenant_id: tenant.auth_info.tenant_id, name: 'ci-deployer' } },
        'acme',
      )
    ).create_service_account.id;
    key = (
      await asBrowser<{ create_api_key: { id: string; key: string } }>(
        admin,
        server.url,
        `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }`,
        { input: { user_id: accountId, name: 'prod agents' } },
        'acme',
      )
    ).create_api_key;

    // A Prefect agent starting up, as in the Prefect issue: register_agent with the key.
    const registered = await callWithKey(server.url, key.key, `mutation ($input: register_agent_input!) { register_agent(input: $input) { id } }`, {
      input: { type: 'KubernetesAgent', name: 'prod-agent-1', labels: ['prod', 'k8s'] },
    });
    expect(registered.body.errors).toBeUndefined();
    // keyplane agent's check-in: the auth_info it sends anyway, naming itself.
    const checkIn = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}`, ...agentHeaders('build-box', ['eu-west']) },
      body: JSON.stringify({ query: '{ auth_info { api_key_id } }' }),
    });
    expect(checkIn.status).toBe(200);
    // Check-ins are written a second after they arrive (src/server/auth/agent-check-ins.ts):
    // wait until the key lists both agents, however long a loaded machine takes.
    await vi.waitFor(
      async () => {
        const seen = await callWithKey<{ auth_api_key: { agents: unknown[] }[] }>(
          server.url,
          key.key,
          `query ($id: uuid!) { auth_api_key(where: { id: { _eq: $id } }) { agents { name } } }`,
          {
            id: key.id,
          },
        );
        expect(seen.body.data?.auth_api_key[0]?.agents).toHaveLength(2);
      },
      { timeout: 20_000, interval: 200 },
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const size of SIZES) {
    it(`lists the key's agents and names them in the revoke and remove dialogs (${size.width} px)`, async () => {
      const context = await newContext(browser, { width: size.width, height: size.height });
      await context.addCookies(await admin.cookies());
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/acme/team/service-accounts?account=${accountId}`);
        const agents = page.getByRole('region', { name: 'Agents seen with these keys' });
        const list = agents.getByRole('list', { name: 'prod agents' });
        await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
        const items = await list.getByRole('listitem').allTextContents();
        expect(items.find((text) => text.startsWith('build-box'))).toMatch(/^build-boxKeyplaneAgenteu-westfrom 127\.0\.0\.1last seen just now$/);
        expect(items.find((text) => text.startsWith('prod-agent-1'))).toMatch(/^prod-agent-1KubernetesAgentprodk8sfrom 127\.0\.0\.1last seen just now$/);
        await agents.scrollIntoViewIfNeeded();
        await screenshot(page, SCREENSHOTS_DIR, `agents-per-key-${size.name}`);
        const overflow = await sidewaysOverflow(page);
        expect(overflow.by, `the page scrolls sideways: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, `service accounts with agents at ${size.width} px`);

        await page.getByRole('button', { name: 'Revoke API key prod agents' }).click();
        const revoke = page.getByRole('dialog', { name: 'Revoke API key' });
        await expect
          .poll(() => revoke.textContent())
          .toMatch(/2 agents used this key in the last hour and will stop: (build-box|prod-agent-1) \(just now\), (build-box|prod-agent-1) \(just now\)\./);
        await screenshot(page, SCREENSHOTS_DIR, `agents-per-key-revoke-${size.name}`);
        await expectNoAxeViolations(page, `the revoke dialog with agents at ${size.width} px`);
        await revoke.getByRole('button', { name: 'Cancel' }).click();
        await revoke.waitFor({ state: 'hidden' });

        await page.getByRole('button', { name: 'Remove ci-deployer' }).click();
        const remove = page.getByRole('dialog', { name: 'Remove ci-deployer?' });
        await expect.poll(() => remove.textContent()).toMatch(/2 agents used its keys in the last hour and will stop: /);
        await expectNoAxeViolations(page, `the remove dialog with agents at ${size.width} px`);
        await remove.getByRole('button', { name: 'Cancel' }).click();
        await remove.waitFor({ state: 'hidden' });
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});
