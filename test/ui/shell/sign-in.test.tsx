import { screen, waitFor } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { graphqlError, makeUser, renderApp, signedIn, unauthenticated } from '../render';

const setupDone = graphql.query('SetupRequired', () => HttpResponse.json({ data: { setup_required: false } }));

describe('Sign in', () => {
  it('signs in and lands on the page the user was going to', async () => {
    let sentPassword: unknown;
    const { user, router } = renderApp('/sign-in?next=%2Facme%2Fteam%2Fmembers', {
      handlers: [
        setupDone,
        graphql.mutation('LogIn', ({ variables }) => {
          sentPassword = variables.input.password;
          return HttpResponse.json({
            data: { log_in: { __typename: 'log_in_payload', user_id: 'u1', expires_at: '2030-01-01T00:00:00Z' } },
          });
        }),
        ...signedIn(makeUser()),
        graphql.query('MembersPage', () =>
          HttpResponse.json({ data: { user_view_same_tenant: [], user_view_same_tenant_aggregate: { aggregate: { count: 0 } } } }),
        ),
        graphql.query('InvitationsTable', () => HttpResponse.json({ data: { membership_invitation: [] } })),
      ],
    });

    await user.type(await screen.findByLabelText(/email/i), 'alice@example.com');
    await user.type(screen.getByLabelText(/password/i), 'correct horse');
    await user.click(screen.getByRole('button', { name: /^sign in$/i }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/acme/team/members'));
    expect(sentPassword).toBe('correct horse');
    expect(await screen.findByRole('heading', { name: 'Members' })).toBeInTheDocument();
  });

  it('shows one clear message for a wrong password', async () => {
    const { user, router } = renderApp('/sign-in', {
      handlers: [setupDone, graphql.mutation('LogIn', () => unauthenticated())],
    });
    await user.type(await screen.findByLabelText(/email/i), 'alice@example.com');
    await user.type(screen.getByLabelText(/password/i), 'wrong');
    await user.click(screen.getByRole('button', { name: /^sign in$/i }));

    expect(await screen.findByText('The email or password is incorrect.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('says why when signing in is rate limited', async () => {
    const { user } = renderApp('/sign-in', {
      handlers: [setupDone, graphql.mutation('LogIn', () => graphqlError('RATE_LIMITED', 'Too many attempts. Try again in a minute.'))],
    });
    await user.type(await screen.findByLabelText(/email/i), 'alice@example.com');
    await user.type(screen.getByLabelText(/password/i), 'whatever');
    await user.click(screen.getByRole('button', { name: /^sign in$/i }));
    expect(await screen.findByText('Too many attempts. Try again in a minute.')).toBeInTheDocument();
  });

  it('asks for both fields before sending anything', async () => {
    const { user } = renderApp('/sign-in', { handlers: [setupDone] });
    await user.click(await screen.findByRole('button', { name: /^sign in$/i }));
    expect(screen.getByText('Enter your email.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
  });

  it('sends a first visitor to setup while no user exists', async () => {
    const { router } = renderApp('/sign-in', {
      handlers: [graphql.query('SetupRequired', () => HttpResponse.json({ data: { setup_required: true } }))],
    });
    expect(await screen.findByRole('heading', { name: 'Set up Keyplane' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/setup');
  });

  it('sends a signed-out visitor of an app page to sign in, and back afterwards', async () => {
    const { router } = renderApp('/acme/team/members', {
      handlers: [graphql.query('AppShell', () => unauthenticated()), setupDone],
    });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Facme%2Fteam%2Fmembers');
  });
});
