import { screen, waitFor } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { appShellData, graphqlError, makeUser, otherPagesFail, renderApp, roleDetail, signedIn, unauthenticated } from '../render';

// The preview never says whether the invited email has an account (anyone can invite
// any email to a tenant of their own); accepting does, and the page then offers sign-in.
function preview(status: string) {
  return graphql.query('InvitationPreview', ({ variables }) =>
    HttpResponse.json({
      data: {
        invitation_preview:
          variables.token === 'tok_good'
            ? {
                __typename: 'invitation_preview',
                tenant_name: 'Globex',
                email: 'bob@example.com',
                role: 'USER',
                role_detail: roleDetail('USER'),
                status,
              }
            : null,
      },
    }),
  );
}

const nobodySignedIn = graphql.query('InvitationViewer', () => unauthenticated());

describe('Accept invitation', () => {
  it('creates an account with a chosen username and password and opens the tenant', async () => {
    let sent: Record<string, unknown> | undefined;
    const bob = makeUser('USER', [], { username: 'bob', email: 'bob@example.com' });
    const { user, router } = renderApp('/invite/tok_good', {
      handlers: [
        preview('VALID'),
        nobodySignedIn,
        graphql.mutation('AcceptInvitation', ({ variables }) => {
          sent = variables.input;
          return HttpResponse.json({
            data: {
              accept_membership_invitation: {
                __typename: 'accept_membership_invitation_payload',
                success: true,
                tenant_id: 't2',
                tenant_slug: 'acme',
              },
            },
          });
        }),
        ...signedIn(bob),
        otherPagesFail,
      ],
    });
    expect(await screen.findByRole('heading', { name: 'Join Globex' })).toBeInTheDocument();
    expect(screen.getByText(/you have been invited to/i)).toHaveTextContent('Globex as User (bob@example.com)');
    await user.type(screen.getByLabelText(/^username/i), 'bob');
    await user.type(screen.getByLabelText(/^password/i), 'bobs-long-password');
    await user.type(screen.getByLabelText(/confirm password/i), 'bobs-long-password');
    await user.click(screen.getByRole('button', { name: 'Create account and join' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/acme/user/keys'));
    expect(sent).toEqual({ token: 'tok_good', username: 'bob', password: 'bobs-long-password' });
  });

  it("shows the server's reason when the username is taken", async () => {
    const { user } = renderApp('/invite/tok_good', {
      handlers: [
        preview('VALID'),
        nobodySignedIn,
        graphql.mutation('AcceptInvitation', () => graphqlError('BAD_USER_INPUT', 'That username is taken.', 'input.username')),
      ],
    });
    await user.type(await screen.findByLabelText(/^username/i), 'bob');
    await user.type(screen.getByLabelText(/^password/i), 'bobs-long-password');
    await user.type(screen.getByLabelText(/confirm password/i), 'bobs-long-password');
    await user.click(screen.getByRole('button', { name: 'Create account and join' }));
    expect(await screen.findByText('That username is taken.')).toBeInTheDocument();
  });

  it('offers someone who already has an account to sign in instead, then come back', async () => {
    renderApp('/invite/tok_good', { handlers: [preview('VALID'), nobodySignedIn] });
    expect(await screen.findByRole('button', { name: 'Create account and join' })).toBeInTheDocument();
    expect(screen.getByText(/already have an account\?/i)).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Sign in to join' });
    expect(link).toHaveAttribute('href', '/sign-in?next=%2Finvite%2Ftok_good');
  });

  it('when the server says the email has an account, asks to sign in instead of creating one', async () => {
    const { user } = renderApp('/invite/tok_good', {
      handlers: [
        preview('VALID'),
        nobodySignedIn,
        graphql.mutation('AcceptInvitation', () =>
          graphqlError('BAD_USER_INPUT', 'An account with this email already exists: sign in to accept the invitation.', 'email'),
        ),
      ],
    });
    await user.type(await screen.findByLabelText(/^username/i), 'bob');
    await user.type(screen.getByLabelText(/^password/i), 'bobs-long-password');
    await user.type(screen.getByLabelText(/confirm password/i), 'bobs-long-password');
    await user.click(screen.getByRole('button', { name: 'Create account and join' }));

    expect(await screen.findByText('An account with this email already exists: sign in to accept the invitation.')).toBeInTheDocument();
    expect(screen.queryByLabelText(/^username/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create account and join' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in to join' })).toHaveAttribute('href', '/sign-in?next=%2Finvite%2Ftok_good');
  });

  it('asks someone signed in as another account to sign in as the invited one', async () => {
    const alice = makeUser('USER', [], { username: 'alice', email: 'alice@example.com' });
    renderApp('/invite/tok_good', {
      handlers: [preview('VALID'), graphql.query('InvitationViewer', () => HttpResponse.json({ data: { user: appShellData(alice).user } }))],
    });
    expect(await screen.findByText(/you are signed in as alice/i)).toHaveTextContent('Sign in as bob@example.com');
    expect(screen.getByRole('link', { name: 'Sign in to join' })).toHaveAttribute('href', '/sign-in?next=%2Finvite%2Ftok_good');
    expect(screen.queryByLabelText(/^username/i)).not.toBeInTheDocument();
  });

  it('joins with the signed-in account when it is the invited one', async () => {
    let sent: Record<string, unknown> | undefined;
    const bob = makeUser('USER', [], { username: 'bob', email: 'bob@example.com' });
    const { user, router } = renderApp('/invite/tok_good', {
      handlers: [
        preview('VALID'),
        graphql.query('InvitationViewer', () => HttpResponse.json({ data: { user: appShellData(bob).user } })),
        graphql.mutation('AcceptInvitation', ({ variables }) => {
          sent = variables.input;
          return HttpResponse.json({
            data: {
              accept_membership_invitation: { __typename: 'accept_membership_invitation_payload', success: true, tenant_id: 't', tenant_slug: 'acme' },
            },
          });
        }),
        ...signedIn(bob),
        otherPagesFail,
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Join Globex' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/acme/user/keys'));
    expect(sent).toEqual({ token: 'tok_good' });
  });

  it.each([
    ['EXPIRED', 'This invitation has expired'],
    ['USED', 'This invitation has already been used'],
    ['REVOKED', 'This invitation was withdrawn'],
  ])('says so when the link is %s', async (status, heading) => {
    renderApp('/invite/tok_good', { handlers: [preview(status), nobodySignedIn] });
    expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
    expect(screen.queryByLabelText(/^username/i)).not.toBeInTheDocument();
  });

  it('says so when the link is not an invitation at all', async () => {
    renderApp('/invite/tok_bogus', { handlers: [preview('VALID'), nobodySignedIn] });
    expect(await screen.findByRole('heading', { name: 'Invitation not found' })).toBeInTheDocument();
  });
});
