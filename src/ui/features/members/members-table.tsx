import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { useState } from 'react';
import { DateTime } from '../../components/date-time';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { LazyTooltip } from '../../components/lazy-tooltip';
import { graphql } from '../../gql';
import type { MembersTable_MemberFragment } from '../../gql/graphql';
import { lazyNamed } from '../../lib/lazy';
import { ROLES, roleLabel, type Role } from '../../lib/roles';
import { useCurrentTenant } from '../../lib/tenant-context';
import type { MemberRoleChange } from './change-member-role-dialog';
import { useSoleAdministrator } from './use-sole-administrator';

const RemoveMemberDialog = lazyNamed(() => import('./remove-member-dialog'), 'RemoveMemberDialog');
const ChangeMemberRoleDialog = lazyNamed(() => import('./change-member-role-dialog'), 'ChangeMemberRoleDialog');
const preloadRemove = () => {
  void RemoveMemberDialog.preload().catch(() => undefined);
  void ChangeMemberRoleDialog.preload().catch(() => undefined);
};

export const MembersTableMemberFragment = graphql(`
  fragment MembersTable_member on user_view_same_tenant {
    id
    username
    email
    first_name
    last_name
    memberships {
      id
      role
      created
    }
  }
`);

export type Member = MembersTable_MemberFragment;

export function displayName(member: Pick<Member, 'first_name' | 'last_name' | 'username'>): string {
  const full = [member.first_name, member.last_name].filter(Boolean).join(' ');
  return full || member.username;
}

// Narrow screens keep the name and role; the email moves under the name.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } } as const;
const compactCells = { '& .MuiTableCell-root': { px: { xs: 1, sm: 2 } } } as const;

export function MembersTable({ members }: { members: Member[] }) {
  const tenant = useCurrentTenant();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [changing, setChanging] = useState<MemberRoleChange | null>(null);
  const soleAdministrator = useSoleAdministrator();

  return (
    <>
      <TableContainer sx={compactCells} onPointerEnter={tenant.isAdmin ? preloadRemove : undefined}>
        <Table aria-label="Members">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell sx={wideOnly}>Email</TableCell>
              <TableCell>Role</TableCell>
              <TableCell sx={wideOnly}>Joined</TableCell>
              {tenant.isAdmin ? (
                <TableCell align="right">
                  <Box component="span" sx={visuallyHidden}>
                    Actions
                  </Box>
                </TableCell>
              ) : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {members.map((member) => {
              const membership = member.memberships[0];
              const isMe = member.id === tenant.user.id;
              return (
                <TableRow key={member.id}>
                  <TableCell>
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                      <Typography component="span" sx={{ fontWeight: 500 }}>
                        {displayName(member)}
                      </Typography>
                      {isMe ? <Chip label="You" size="small" variant="outlined" /> : null}
                    </Box>
                    {displayName(member) !== member.username ? (
                      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                        {member.username}
                      </Typography>
                    ) : null}
                    <Typography variant="body2" sx={{ color: 'text.secondary', display: { sm: 'none' }, overflowWrap: 'anywhere' }}>
                      {member.email}
                    </Typography>
                  </TableCell>
                  <TableCell sx={wideOnly}>{member.email}</TableCell>
                  <TableCell>
                    {tenant.isAdmin && membership ? (
                      <RoleSelect
                        member={member}
                        role={membership.role}
                        locked={
                          isMe && soleAdministrator
                            ? `You are the only administrator of ${tenant.name}: make someone else an administrator before changing your role.`
                            : null
                        }
                        onChange={(to) => setChanging({ userId: member.id, username: member.username, membershipId: membership.id, from: membership.role, to })}
                      />
                    ) : (
                      roleLabel(membership?.role)
                    )}
                  </TableCell>
                  <TableCell sx={wideOnly}>{membership ? <DateTime iso={membership.created} format="date" /> : null}</TableCell>
                  {tenant.isAdmin ? (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <LazyTooltip title={isMe ? 'Leave this tenant' : 'Remove from tenant'}>
                        <IconButton aria-label={`Remove ${member.username}`} onClick={() => setRemoving(member)} onFocus={preloadRemove}>
                          <DeleteOutlinedIcon />
                        </IconButton>
                      </LazyTooltip>
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      <LazyDialogSlot open={removing !== null}>
        <RemoveMemberDialog member={removing} onClose={() => setRemoving(null)} />
      </LazyDialogSlot>
      <LazyDialogSlot open={changing !== null}>
        <ChangeMemberRoleDialog change={changing} onClose={() => setChanging(null)} />
      </LazyDialogSlot>
    </>
  );
}

interface RoleSelectProps {
  member: Member;
  role: string;
  /** Why the role cannot be changed (the last administrator's own): the menu is disabled and says so in a tooltip. */
  locked: string | null;
  /** A new role was picked: ChangeMemberRoleDialog asks before anything is sent. */
  onChange: (role: Role) => void;
}

function RoleSelect({ member, role, locked, onChange }: RoleSelectProps) {
  const select = (
    <Select
      size="small"
      value={role}
      disabled={locked !== null}
      onChange={(e) => {
        if (e.target.value !== role) onChange(e.target.value as Role);
      }}
      inputProps={{ 'aria-label': `Role of ${member.username}` }}
      sx={{ minWidth: { xs: 120, sm: 150 }, fontSize: '0.875rem' }}
    >
      {ROLES.map((r) => (
        <MenuItem key={r} value={r}>
          {roleLabel(r)}
        </MenuItem>
      ))}
    </Select>
  );
  if (!locked) return select;
  // A disabled control gets no pointer events: the tooltip listens on a focusable wrapper.
  return (
    <LazyTooltip title={locked}>
      <Box component="span" tabIndex={0} sx={{ display: 'inline-flex' }}>
        {select}
      </Box>
    </LazyTooltip>
  );
}
