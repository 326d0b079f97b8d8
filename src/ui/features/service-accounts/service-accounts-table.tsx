import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import ManageAccountsOutlinedIcon from '@mui/icons-material/ManageAccountsOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Fragment } from 'react';
import { DateTime } from '../../components/date-time';
import { LazyTooltip } from '../../components/lazy-tooltip';
import { graphql } from '../../gql';
import type { ServiceAccountsTable_AccountFragment } from '../../gql/graphql';
import { roleLabel } from '../../lib/roles';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { ServiceAccountKeys } from './service-account-keys';

export const ServiceAccountsTableAccountFragment = graphql(`
  fragment ServiceAccountsTable_account on user_view_same_tenant {
    id
    username
    created
    memberships {
      id
      role
    }
    api_key_count
  }
`);

/** api_key_count is null for callers who may not see keys. */
export type ServiceAccount = ServiceAccountsTable_AccountFragment;

interface ServiceAccountsTableProps {
  accounts: ServiceAccount[];
  /** Administrators see key counts, open accounts to see their keys, and manage them. */
  manage: boolean;
  openId: string | null;
  now: Date;
  onToggle: (account: ServiceAccount) => void;
  onChangeRole: (account: ServiceAccount) => void;
  onRemove: (account: ServiceAccount) => void;
  onNotice: (message: string) => void;
}

const headCell = { fontWeight: 600, whiteSpace: 'nowrap' } as const;
// Phones keep the name, role and actions; the key count and created date need a wider screen.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } } as const;
// Tighter cells on phones so the actions stay on screen.
const tableSx = { '& .MuiTableCell-root': { px: { xs: 0.75, sm: 2 } } } as const;

export function ServiceAccountsTable({ accounts, manage, openId, now, onToggle, onChangeRole, onRemove, onNotice }: ServiceAccountsTableProps) {
  const columns = manage ? 6 : 3;
  return (
    <TableContainer>
      <Table aria-label="Service accounts" sx={tableSx}>
        <TableHead>
          <TableRow>
            {manage ? (
              <TableCell padding="checkbox">
                <Box component="span" sx={visuallyHidden}>
                  Show keys
                </Box>
              </TableCell>
            ) : null}
            <TableCell sx={headCell}>Name</TableCell>
            <TableCell sx={headCell}>Role</TableCell>
            {manage ? (
              <TableCell sx={{ ...headCell, ...wideOnly }} align="right">
                Active keys
              </TableCell>
            ) : null}
            <TableCell sx={{ ...headCell, ...wideOnly }}>Created</TableCell>
            {manage ? (
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            ) : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {accounts.map((account) => {
            const open = manage && account.id === openId;
            const role = account.memberships[0]?.role;
            const panelId = `service-account-${account.id}`;
            return (
              <Fragment key={account.id}>
                <TableRow hover={manage} sx={open ? { '& > *': { borderBottom: 'unset' } } : undefined}>
                  {manage ? (
                    <TableCell padding="checkbox">
                      <IconButton
                        aria-label={`${open ? 'Hide' : 'Show'} keys of ${account.username}`}
                        aria-expanded={open}
                        aria-controls={open ? panelId : undefined}
                        onClick={() => onToggle(account)}
                      >
                        {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
                      </IconButton>
                    </TableCell>
                  ) : null}
                  <TableCell component="th" scope="row" sx={{ fontWeight: 500, overflowWrap: 'anywhere', minWidth: '6rem' }}>
                    {account.username}
                  </TableCell>
                  <TableCell>
                    <Chip size="small" label={roleLabel(role)} variant={role === 'TENANT_ADMIN' ? 'filled' : 'outlined'} />
                  </TableCell>
                  {manage ? (
                    <TableCell align="right" sx={wideOnly}>
                      {account.api_key_count ?? 0}
                    </TableCell>
                  ) : null}
                  <TableCell sx={{ whiteSpace: 'nowrap', ...wideOnly }}>
                    <DateTime iso={account.created} format="date" />
                  </TableCell>
                  {manage ? (
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <LazyTooltip title="Change role">
                        <IconButton aria-label={`Change role of ${account.username}`} onClick={() => onChangeRole(account)}>
                          <ManageAccountsOutlinedIcon />
                        </IconButton>
                      </LazyTooltip>
                      <LazyTooltip title="Remove service account">
                        <IconButton aria-label={`Remove ${account.username}`} onClick={() => onRemove(account)}>
                          <DeleteOutlinedIcon />
                        </IconButton>
                      </LazyTooltip>
                    </TableCell>
                  ) : null}
                </TableRow>
                {manage ? (
                  <TableRow>
                    <TableCell colSpan={columns} sx={{ py: 0, ...(open ? {} : { borderBottom: 'none' }) }}>
                      <Collapse in={open} timeout="auto" unmountOnExit>
                        <Box id={panelId}>
                          <ServiceAccountKeys
                            account={{ id: account.id, name: account.username, role: account.memberships[0]?.role }}
                            now={now}
                            onNotice={onNotice}
                          />
                        </Box>
                      </Collapse>
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
