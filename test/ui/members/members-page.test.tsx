import { screen, waitFor, within } from '@testing-library/react';
import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { emailProblemMessage } from '../../../src/shared/emails';
import { acme, forbidden, graphqlError, makeUser, renderApp, roleDetail, signedIn, tenantOf } from '../render';

interface FakeMember {
  id: string;
  username: string;
  email: string;
  membershipId: string;
  role: string;
  joined: string;
}

interface FakeInvitation {
  id: string;
  email: string;
  role: string;
}

const alice = makeUser('TENANT_ADMIN');

let members: FakeMember[];
let invitations: FakeInvitation[];
let tenantsSeen: (string | null)[];

beforeEach(() => {
  members = [
    {
      id: alice.id,
      username: 'alice',
      email: 'alice@example.com',
      membershipId: alice.memberships[0].id,
      role: 'TENANT_ADMIN',
      joined: '2026-01-05T10:00:00Z',
    },
    {
      id: 'b0b00000-0000-4000-8000-000000000001',
      username: 'bob',
      email: 'bob@example.com',
      membershipId: 'b0b00000-0000-4000-8000-0000000000aa',
      role: 'USER',
      joined: '2026-02-14T09:30:00Z',
    },
  ];
  invitations = [{ id: 'c0c00000-0000-4000-8000-000000000001', email: 'carol@example.com', role: 'READ_ONLY_USER' }];
  tenantsSeen = [];
});

function membersData(limit = 25, offset = 0) {
  return {
    user_view_same_tenant_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count: members.length } },
    user_view_same_tenant: members.slice(offset, offset + limit).map((m) => ({
      __typename: 'user_view_same_tenant',
      id: m.id,
      username: m.username,
      email: m.email,
      first_name: null,
      last_name: null,
      account_type: 'NORMAL',
      memberships: [{ __typename: 'membership', id: m.membershipId, role: m.role, role_detail: roleDetail(m.role), created: m.joined }],
    })),
  };
}

function invitationsData(limit = 26, offset = 0) {
  return {
    membership_invitation: invitations.slice(offset, offset + limit).map((i) => ({
      __typename: 'membership_invitation',
      id: i.id,
      email: i.email,
      role: i.role,
      role_detail: roleDetail(i.role),
      created: '2026-03-01T00:00:00Z',
      expires_at: new Date(Date.now() + 6 * 86_400_000).toISOString(),
      invited_by: { __typename: 'api_key_user', id: alice.id, username: 'alice' },
    })),
  };
}

const adminCount = () => members.filter((m) => m.role === 'TENANT_ADMIN').length;
/** A service account that administers the tenant too: it does not count as an administrator a person can hand over to. */
const DEPLOYER_ID = 'd0d00000-0000-4000-8000-000000000001';

/** A small fake of the API's members rules, so tests assert what the user sees. */
const memberHandlers = [
  graphql.query('MembersPage', ({ request, variables }) => {
    tenantsSeen.push(tenantOf(request));
    return HttpResponse.json({ data: membersData(variables.limit, variables.offset) });
  }),
  graphql.query('MembersTableOtherAdministrators', ({ variables }) =>
    HttpResponse.json({
      data: {
        membership: [
          ...members
            .filter((m) => m.role === 'TENANT_ADMIN' && m.id !== variables.me)
            .map((m) => ({ __typename: 'membership', id: m.membershipId, user_id: m.id })),
          { __typename: 'membership', id: 'd0d00000-0000-4000-8000-0000000000aa', user_id: DEPLOYER_ID },
        ],
      },
    }),
  ),
  graphql.query('MembersTablePeopleAmong', ({ variables }) => {
    const ids = variables.ids as string[];
    const count = members.filter((m) => ids.includes(m.id)).length;
    return HttpResponse.json({
      data: { user_view_same_tenant_aggregate: { __typename: 'aggregate_result', aggregate: { __typename: 'aggregate_count', count } } },
    });
  }),
  graphql.query('InvitationsTable', ({ variables }) => HttpResponse.json({ data: invitationsData(variables.limit, variables.offset) })),
  graphql.mutation('InviteMember', ({ variables }) => {
    const { email, role, tenant_id } = variables.input;
    if (tenant_id !== acme.id) return graphqlError('NOT_FOUND', 'No such tenant.');
    invitations.push({ id: `c0c00000-0000-4000-8000-00000000000${invitations.length + 2}`, email, role });
    return HttpResponse.json({
      data: { create_membership_invitation: { __typename: 'create_membership_invitation_payload', id: 'inv-new', token: 'tok_Secret123' } },
    });
  }),
  graphql.mutation('SetMembershipRole', ({ variables }) => {
    const member = members.find((m) => m.membershipId === variables.input.membership_id);
    if (!member) return graphqlError('NOT_FOUND', 'No such membership.');
    if (member.role === 'TENANT_ADMIN' && variables.input.role !== 'TENANT_ADMIN' && adminCount() === 1) {
      return graphqlError('BAD_USER_INPUT', 'The last administrator of a tenant cannot be demoted.', 'role');
    }
    member.role = variables.input.role;
    return HttpResponse.json({ data: { set_membership_role: { __typename: 'id_payload', id: member.membershipId } } });
  }),
  graphql.mutation('RemoveMember', ({ variables }) => {
    const member = members.find((m) => m.membershipId === variables.input.membership_id);
    if (!member) return graphqlError('NOT_FOUND', 'No such membership.');
    if (member.role === 'TENANT_ADMIN' && adminCount() === 1) {
      return graphqlError('BAD_USER_INPUT', 'The last administrator of a tenant cannot be removed.', 'membership_id');
    }
    members = members.filter((m) => m !== member);
    return HttpResponse.json({ data: { delete_membership: { __typename: 'success_payload', success: true, error: null } } });
  }),
  graphql.mutation('RevokeInvitation', ({ variables }) => {
    invitations = invitations.filter((i) => i.id !== variables.input.invitation_id);
    return HttpResponse.json({ data: { delete_membership_invitation: { __typename: 'success_payload', success: true, error: null } } });
  }),
];

function renderMembers(user = alice, extra: RequestHandler[] = []) {
  return renderApp('/acme/team/members', { handlers: [...extra, ...signedIn(user), ...memberHandlers] });
}

async function findMemberRow(name: string) {
  const table = await screen.findByRole('table', { name: 'Members' });
  const cell = await within(table).findByText(name);
  return cell.closest('tr') as HTMLElement;
}

describe('Team › Members', () => {
  it('lists everyone in the tenant with email, role and join date, asking as the tenant in the URL', async () => {
    renderMembers();

    const bob = await findMemberRow('bob');
    expect(within(bob).getAllByText('bob@example.com').length).toBeGreaterThan(0);
    expect(within(bob).getByRole('combobox', { name: 'Role of bob' })).toHaveTextContent('User');
    expect(within(bob).getByText('Feb 14, 2026')).toBeInTheDocument();
    const me = await findMemberRow('alice');
    expect(within(me).getByText('You')).toBeInTheDocument();
    expect(tenantsSeen).toEqual(['acme']);
    expect(screen.getByRole('heading', { name: 'Members' })).toBeInTheDocument();
  });

  it('shows a loading skeleton, then an error with a retry that works', async () => {
    let calls = 0;
    const { user } = renderMembers(alice, [
      graphql.query('MembersPage', async () => {
        calls += 1;
        await delay(150);
        return calls === 1 ? graphqlError('INTERNAL_SERVER_ERROR', 'Unexpected error.') : HttpResponse.json({ data: membersData() });
      }),
    ]);
    expect(await screen.findByRole('status', { name: 'Loading members' })).toBeInTheDocument();
    expect(await screen.findByText('Could not load members')).toBeInTheDocument();
    // A masked server error reads the same on every page, never as the server's "Unexpected error."
    expect(screen.getByText('Something went wrong on our side. Please try again.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await findMemberRow('bob')).toBeInTheDocument();
  });

  it('says what to do when the tenant has no members to show', async () => {
    members = [];
    invitations = [];
    renderMembers();
    expect(await screen.findByText('No members yet')).toBeInTheDocument();
    expect(await screen.findByText('No pending invitations')).toBeInTheDocument();
  });

  it('invites by email with a role and shows the link once, with Copy', async () => {
    const { user } = renderMembers();
    await user.click(await screen.findByRole('button', { name: 'Invite member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite member' });
    await user.type(within(dialog).getByLabelText(/email/i), 'dave@example.com');
    await user.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    await user.click(await screen.findByRole('option', { name: 'Administrator' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));

    const shown = await screen.findByRole('dialog', { name: 'Invitation created' });
    const link = within(shown).getByRole('textbox', { name: 'Invitation link' });
    expect(link).toHaveValue('http://localhost:3000/invite/tok_Secret123');
    expect(within(shown).getByText(/shown only once/i)).toBeInTheDocument();
    await user.click(within(shown).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('http://localhost:3000/invite/tok_Secret123');
    expect(within(shown).getByRole('button', { name: 'Copied' })).toBeInTheDocument();
    await user.click(within(shown).getByRole('button', { name: 'Done' }));

    const pending = await screen.findByRole('table', { name: 'Pending invitations' });
    const row = (await within(pending).findByText('dave@example.com')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Administrator')).toBeInTheDocument();
  });

  it('takes back the email error as soon as the email is valid', async () => {
    const { user } = renderMembers();
    await user.click(await screen.findByRole('button', { name: 'Invite member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite member' });
    const email = within(dialog).getByLabelText(/email/i);
    await user.type(email, 'ada@example');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
    expect(await within(dialog).findByText(emailProblemMessage('invalid'))).toBeInTheDocument();
    await user.type(email, '.com');
    await waitFor(() => expect(within(dialog).queryByText(emailProblemMessage('invalid'))).not.toBeInTheDocument());
    expect(email).toHaveAttribute('aria-invalid', 'false');
  });

  it('takes back a refused email once it is edited', async () => {
    const refuse = graphql.mutation('InviteMember', () => graphqlError('BAD_USER_INPUT', 'ada@example.com is already a member of Acme.', 'email'));
    const { user } = renderMembers(alice, [refuse]);
    await user.click(await screen.findByRole('button', { name: 'Invite member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite member' });
    const email = within(dialog).getByLabelText(/email/i);
    await user.type(email, 'ada@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
    expect(await within(dialog).findByText('ada@example.com is already a member of Acme.')).toBeInTheDocument();
    await user.clear(email);
    await user.type(email, 'bea@example.com');
    await waitFor(() => expect(within(dialog).queryByText('ada@example.com is already a member of Acme.')).not.toBeInTheDocument());
    expect(email).toHaveAttribute('aria-invalid', 'false');
  });

  it('checks the email before creating an invitation', async () => {
    const { user } = renderMembers();
    await user.click(await screen.findByRole('button', { name: 'Invite member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite member' });
    await user.type(within(dialog).getByLabelText(/email/i), 'ada@localhost');
    await user.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
    // The shared rule's words, which the API would answer with too.
    expect(await within(dialog).findByText(emailProblemMessage('invalid'))).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/email/i)).toHaveAttribute('aria-invalid', 'true');
    expect(invitations).toHaveLength(1);
  });

  it('pages the members 25 at a time, with the total, and keeps the page in the URL', async () => {
    members = Array.from({ length: 30 }, (_, i) => ({
      id: `b0b00000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
      username: `member${String(i).padStart(2, '0')}`,
      email: `member${i}@example.com`,
      membershipId: `b0b00000-0000-4000-8000-0000000002${String(i).padStart(2, '0')}`,
      role: i === 0 ? 'TENANT_ADMIN' : 'USER',
      joined: '2026-02-14T09:30:00Z',
    }));
    const { user, router } = renderMembers();
    expect(await findMemberRow('member00')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Members' });
    expect(within(table).getAllByRole('row')).toHaveLength(26); // header + 25
    expect(screen.getByText('1–25 of 30')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Go to next page' })[0]);
    expect(await findMemberRow('member29')).toBeInTheDocument();
    expect(screen.getByText('26–30 of 30')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Members' })).queryByText('member00')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
  });

  it('pages the pending invitations, saying there are more until the last page shows the total', async () => {
    invitations = Array.from({ length: 27 }, (_, i) => ({
      id: `c0c00000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
      email: `guest${String(i).padStart(2, '0')}@example.com`,
      role: 'USER',
    }));
    const { user } = renderMembers();
    const pending = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(await within(pending).findByText('guest00@example.com')).toBeInTheDocument();
    expect(within(pending).getAllByRole('row')).toHaveLength(26);
    const section = screen.getByRole('region', { name: 'Pending invitations' });
    expect(within(section).getByText('1–25 of more than 25')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Go to next page' }));
    expect(await within(section).findByText('guest26@example.com')).toBeInTheDocument();
    expect(within(section).getByText('26–27 of 27')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Go to next page' })).toBeDisabled();
  });

  it("changes a member's role after a confirmation that says from what to what", async () => {
    const { user } = renderMembers();
    const bob = await findMemberRow('bob');
    await user.click(within(bob).getByRole('combobox', { name: 'Role of bob' }));
    await user.click(await screen.findByRole('option', { name: 'Read-only' }));
    const dialog = await screen.findByRole('dialog', { name: "Change bob's role?" });
    expect(dialog).toHaveTextContent('bob will be Read-only in Acme instead of User: their keys can read but not change anything.');
    expect(members.find((m) => m.username === 'bob')?.role).toBe('USER');

    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    await waitFor(() => expect(within(bob).getByRole('combobox', { name: 'Role of bob' })).toHaveTextContent('Read-only'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(members.find((m) => m.username === 'bob')?.role).toBe('READ_ONLY_USER');
  });

  it('changes no role when the confirmation is cancelled', async () => {
    const { user } = renderMembers();
    const bob = await findMemberRow('bob');
    await user.click(within(bob).getByRole('combobox', { name: 'Role of bob' }));
    await user.click(await screen.findByRole('option', { name: 'Administrator' }));
    const dialog = await screen.findByRole('dialog', { name: "Change bob's role?" });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(bob).getByRole('combobox', { name: 'Role of bob' })).toHaveTextContent('User');
    expect(members.find((m) => m.username === 'bob')?.role).toBe('USER');
  });

  it('does not offer the only administrator a change of their own role, and says why', async () => {
    const { user } = renderMembers();
    const me = await findMemberRow('alice');
    // An administrator service account does not count: it cannot take over the tenant.
    const mine = within(me).getByRole('combobox', { name: 'Role of alice' });
    await waitFor(() => expect(mine).toHaveAttribute('aria-disabled', 'true'));
    await user.hover(mine.closest('[tabindex="0"]') as HTMLElement);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You are the only administrator of Acme: make someone else an administrator before changing your role.',
    );

    // Once bob is an administrator too, alice may step down.
    const bob = await findMemberRow('bob');
    await user.click(within(bob).getByRole('combobox', { name: 'Role of bob' }));
    await user.click(await screen.findByRole('option', { name: 'Administrator' }));
    await user.click(within(await screen.findByRole('dialog', { name: "Change bob's role?" })).getByRole('button', { name: 'Change role' }));
    await waitFor(() => expect(within(me).getByRole('combobox', { name: 'Role of alice' })).not.toHaveAttribute('aria-disabled'));
  });

  it('shows a refused role change in its dialog, and not in the next dialog or on the page', async () => {
    const refuse = graphql.mutation('SetMembershipRole', () => graphqlError('BAD_USER_INPUT', 'bob cannot have that role here.'));
    const { user } = renderMembers(alice, [refuse]);
    const bob = await findMemberRow('bob');
    await user.click(within(bob).getByRole('combobox', { name: 'Role of bob' }));
    await user.click(await screen.findByRole('option', { name: 'Read-only' }));
    const dialog = await screen.findByRole('dialog', { name: "Change bob's role?" });
    await user.click(within(dialog).getByRole('button', { name: 'Change role' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('bob cannot have that role here.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(bob).getByRole('combobox', { name: 'Role of bob' })).toHaveTextContent('User');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(within(bob).getByRole('button', { name: 'Remove bob' }));
    const next = await screen.findByRole('dialog', { name: 'Remove bob from Acme?' });
    expect(within(next).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('removes a member after a confirmation', async () => {
    const { user } = renderMembers();
    const bob = await findMemberRow('bob');
    await user.click(within(bob).getByRole('button', { name: 'Remove bob' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove bob from Acme?' });
    expect(within(dialog).getByText(/api keys for it will be revoked/i)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const table = screen.getByRole('table', { name: 'Members' });
    await waitFor(() => expect(within(table).queryByText('bob')).not.toBeInTheDocument());
  });

  it('cancelling the confirmation removes nobody', async () => {
    const { user } = renderMembers();
    const bob = await findMemberRow('bob');
    await user.click(within(bob).getByRole('button', { name: 'Remove bob' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove bob from Acme?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(members).toHaveLength(2);
  });

  it('keeps the last administrator and says why', async () => {
    const { user } = renderMembers();
    const me = await findMemberRow('alice');
    await user.click(within(me).getByRole('button', { name: 'Remove alice' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave Acme?' });
    await user.click(within(dialog).getByRole('button', { name: 'Leave' }));
    expect(await within(dialog).findByText('The last administrator of a tenant cannot be removed.')).toBeInTheDocument();
    expect(members).toHaveLength(2);
  });

  it('revokes a pending invitation', async () => {
    const { user } = renderMembers();
    await user.click(await screen.findByRole('button', { name: 'Revoke invitation for carol@example.com' }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke invitation?' });
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('No pending invitations')).toBeInTheDocument();
  });

  it('shows members without admin controls to a user who is not an administrator', async () => {
    // No InvitationsTable handler is needed: a non-admin must not ask for them.
    renderApp('/acme/team/members', {
      handlers: [...signedIn(makeUser('USER')), graphql.query('MembersPage', () => HttpResponse.json({ data: membersData() }))],
    });
    const bob = await findMemberRow('bob');
    expect(within(bob).getByText('User')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: /^Role of/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /invite member/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /remove/i })).not.toBeInTheDocument();
    expect(screen.getByText(/only administrators can invite members/i)).toBeInTheDocument();
  });

  it('turns FORBIDDEN into a clear message inside the layout', async () => {
    renderMembers(alice, [graphql.query('MembersPage', () => forbidden('You are not a member of this tenant.'))]);
    expect(await screen.findByText("You don't have access to this")).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /tenant: acme/i })).toBeInTheDocument();
  });
});
