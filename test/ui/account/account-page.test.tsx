import { screen, waitFor, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { graphqlError, makeUser, renderApp, signedIn } from '../render';

const me = makeUser('USER');
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const session = (id: string, current: boolean, created: string) => ({
  __typename: 'user_session',
  id,
  created,
  last_seen: created,
  expires_at: new Date(Date.now() + 86_400_000).toISOString(),
  current,
});
const THIS = '10000000-0000-4000-8000-000000000001';
const OTHER = '10000000-0000-4000-8000-000000000002';
const THIRD = '10000000-0000-4000-8000-000000000003';

function accountPage(sessions: () => ReturnType<typeof session>[], names = { first_name: null as string | null, last_name: null as string | null }) {
  return graphql.query('AccountPage', () =>
    HttpResponse.json({ data: { user: [{ __typename: 'user', id: me.id, email: me.email, ...names }], my_sessions: sessions() } }),
  );
}

describe('Account', () => {
  it('is reached from the user menu', async () => {
    const { user, router } = renderApp('/acme/user/keys', {
      handlers: [
        ...signedIn(me),
        graphql.query('ApiKeysPage', () => HttpResponse.json({ data: { auth_api_key: [], auth_api_key_aggregate: { aggregate: { count: 0 } } } })),
        accountPage(() => [session(THIS, true, minutesAgo(5))]),
      ],
    });
    await user.click(await screen.findByRole('button', { name: /account: alice/i }));
    await user.click(await screen.findByRole('menuitem', { name: 'Account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/acme/user/account'));
    expect(await screen.findByRole('heading', { name: 'Account', level: 1 })).toBeInTheDocument();
  });

  it('changes the password with the current one, refusing a short one and a mismatch before asking the server', async () => {
    const sent: unknown[] = [];
    const { user } = renderApp('/acme/user/account', {
      handlers: [
        ...signedIn(me),
        accountPage(() => [session(THIS, true, minutesAgo(5))]),
        graphql.mutation('ChangePassword', ({ variables }) => {
          sent.push(variables.input);
          return HttpResponse.json({ data: { change_password: { __typename: 'success_payload', success: true } } });
        }),
      ],
    });
    const form = await screen.findByRole('form', { name: 'Change password' });
    await user.type(within(form).getByLabelText(/current password/i), 'old-password-1');
    await user.type(within(form).getByLabelText(/^new password/i), 'short');
    await user.type(within(form).getByLabelText(/confirm new password/i), 'different');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByText('Password must be at least 10 characters.')).toBeInTheDocument();
    expect(within(form).getByText('The passwords do not match.')).toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.clear(within(form).getByLabelText(/^new password/i));
    await user.type(within(form).getByLabelText(/^new password/i), 'a-brand-new-passphrase');
    await user.clear(within(form).getByLabelText(/confirm new password/i));
    await user.type(within(form).getByLabelText(/confirm new password/i), 'a-brand-new-passphrase');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Password changed. Your other sessions were signed out.')).toBeInTheDocument();
    expect(sent).toEqual([{ current_password: 'old-password-1', new_password: 'a-brand-new-passphrase' }]);
  });

  it('shows a wrong current password on its field', async () => {
    const { user } = renderApp('/acme/user/account', {
      handlers: [
        ...signedIn(me),
        accountPage(() => [session(THIS, true, minutesAgo(5))]),
        graphql.mutation('ChangePassword', () => graphqlError('BAD_USER_INPUT', 'The current password is wrong.', 'current_password')),
      ],
    });
    const form = await screen.findByRole('form', { name: 'Change password' });
    await user.type(within(form).getByLabelText(/current password/i), 'not-it-at-all');
    await user.type(within(form).getByLabelText(/^new password/i), 'a-brand-new-passphrase');
    await user.type(within(form).getByLabelText(/confirm new password/i), 'a-brand-new-passphrase');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByText('The current password is wrong.')).toBeInTheDocument();
    expect(within(form).getByLabelText(/current password/i)).toHaveAttribute('aria-invalid', 'true');
  });

  it('lists the sessions with this browser marked, signs one out, and then all the others', async () => {
    let sessions = [session(THIS, true, minutesAgo(5)), session(OTHER, false, minutesAgo(60)), session(THIRD, false, minutesAgo(600))];
    const deleted: unknown[] = [];
    const { user } = renderApp('/acme/user/account', {
      handlers: [
        ...signedIn(me),
        accountPage(() => sessions),
        graphql.mutation('DeleteSession', ({ variables }) => {
          deleted.push(variables.input.session_id);
          sessions = sessions.filter((s) => s.id !== variables.input.session_id);
          return HttpResponse.json({ data: { delete_session: { __typename: 'success_payload', success: true } } });
        }),
        graphql.mutation('DeleteOtherSessions', () => {
          const ended = sessions.filter((s) => !s.current).length;
          sessions = sessions.filter((s) => s.current);
          return HttpResponse.json({ data: { delete_other_sessions: { __typename: 'delete_other_sessions_payload', success: true, deleted: ended } } });
        }),
      ],
    });
    const list = await screen.findByRole('list', { name: 'Your sessions' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    const current = within(list).getByText('This browser').closest('li')!;
    expect(within(current).queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(within(list).getByText('Signed in 1 hour ago')).toBeInTheDocument();

    const other = within(list).getByText('Signed in 1 hour ago').closest('li')!;
    await user.click(within(other).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(deleted).toEqual([OTHER]);

    await user.click(screen.getByRole('button', { name: 'Sign out of all other sessions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out of 1 other session?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Signed out of 1 other session.')).toBeInTheDocument();
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Sign out of all other sessions' })).toBeDisabled();
  });

  it('asks before signing out of all other sessions, naming how many and when each signed in; Cancel changes nothing', async () => {
    let sessions = [
      session(THIS, true, minutesAgo(5)),
      session(OTHER, false, minutesAgo(60)),
      session(THIRD, false, minutesAgo(600)),
      session('10000000-0000-4000-8000-000000000004', false, minutesAgo(3 * 24 * 60)),
    ];
    let calls = 0;
    const { user } = renderApp('/acme/user/account', {
      handlers: [
        ...signedIn(me),
        accountPage(() => sessions),
        graphql.mutation('DeleteOtherSessions', () => {
          calls++;
          const ended = sessions.filter((s) => !s.current).length;
          sessions = sessions.filter((s) => s.current);
          return HttpResponse.json({ data: { delete_other_sessions: { __typename: 'delete_other_sessions_payload', success: true, deleted: ended } } });
        }),
      ],
    });
    const list = await screen.findByRole('list', { name: 'Your sessions' });
    await user.click(screen.getByRole('button', { name: 'Sign out of all other sessions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out of 3 other sessions?' });
    expect(dialog).toHaveAccessibleDescription(/except this one will have to sign in again/);
    const listed = within(dialog)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(listed).toEqual([
      'Signed in 1 hour ago, last active 1 hour ago',
      'Signed in 10 hours ago, last active 10 hours ago',
      'Signed in 3 days ago, last active 3 days ago',
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls).toBe(0);
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);

    await user.click(screen.getByRole('button', { name: 'Sign out of all other sessions' }));
    const again = await screen.findByRole('dialog', { name: 'Sign out of 3 other sessions?' });
    const confirm = within(again).getByRole('button', { name: 'Sign out' });
    await user.click(confirm);
    expect(await screen.findByText('Signed out of 3 other sessions.')).toBeInTheDocument();
    expect(calls).toBe(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
  });

  it("keeps the dialog open with the server's words when signing the others out fails", async () => {
    const { user } = renderApp('/acme/user/account', {
      handlers: [
        ...signedIn(me),
        accountPage(() => [session(THIS, true, minutesAgo(5)), session(OTHER, false, minutesAgo(60))]),
        graphql.mutation('DeleteOtherSessions', () => graphqlError('RATE_LIMITED', 'Too many requests: try again in a minute.')),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Sign out of all other sessions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out of 1 other session?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    expect(await within(dialog).findByText('Too many requests: try again in a minute.')).toBeInTheDocument();
    expect(screen.queryByText(/Signed out of/)).not.toBeInTheDocument();
  });

  it('saves the display name by the shared name rule', async () => {
    const sent: unknown[] = [];
    const { user } = renderApp('/acme/user/account', {
      handlers: [
        ...signedIn(me),
        accountPage(() => [session(THIS, true, minutesAgo(5))], { first_name: 'Alice', last_name: null }),
        graphql.mutation('UpdateProfile', ({ variables }) => {
          sent.push(variables.input);
          return HttpResponse.json({ data: { update_user_profile: { __typename: 'user', id: me.id, ...variables.input } } });
        }),
      ],
    });
    const form = await screen.findByRole('form', { name: 'Display name' });
    expect(within(form).getByLabelText('First name')).toHaveValue('Alice');
    await user.type(within(form).getByLabelText('Last name'), 'x'.repeat(101));
    await user.click(within(form).getByRole('button', { name: 'Save name' }));
    expect(await within(form).findByText(/Last name must be at most 100 characters/)).toBeInTheDocument();
    expect(sent).toEqual([]);

    await user.clear(within(form).getByLabelText('Last name'));
    await user.type(within(form).getByLabelText('Last name'), 'Liddell');
    await user.click(within(form).getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Name saved.')).toBeInTheDocument();
    expect(sent).toEqual([{ first_name: 'Alice', last_name: 'Liddell' }]);
  });
});

describe('Forgot password?', () => {
  it('says to ask an operator for the reset command, with no email sent', async () => {
    const { user } = renderApp('/sign-in', {
      handlers: [graphql.query('SetupRequired', () => HttpResponse.json({ data: { setup_required: false } }))],
    });
    await user.click(await screen.findByRole('button', { name: 'Forgot password?' }));
    expect(screen.getByText(/keyplane admin reset-password --email you@example.com --password-stdin/)).toBeInTheDocument();
    expect(screen.getByText(/No email is sent/)).toBeInTheDocument();
  });
});
