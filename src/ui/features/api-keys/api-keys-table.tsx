import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { graphql } from '../../gql';
import type { ApiKeysTable_KeyFragment } from '../../gql/graphql';
import { KeyExpiry, KeyLastUsed } from '../../components/api-keys/key-time-display';
import { DateTime } from '../../components/date-time';
import visuallyHidden from '@mui/utils/visuallyHidden';
import type { SortDirection, SortField } from './api-keys-list-state';
import { LazyTooltip } from '../../components/lazy-tooltip';

export const ApiKeysTableKeyFragment = graphql(`
  fragment ApiKeysTable_key on auth_api_key {
    id
    name
    key_hint
    created
    expires_at
    last_used_at
    tenant {
      id
      name
      slug
    }
  }
`);

interface Column {
  label: string;
  sort?: SortField;
}

const COLUMNS: Column[] = [
  { label: 'Name', sort: 'name' },
  { label: 'Key' },
  { label: 'Tenant', sort: 'tenant' },
  { label: 'Created', sort: 'created' },
  { label: 'Expires', sort: 'expires_at' },
  { label: 'Last used', sort: 'last_used_at' },
];

export interface ApiKeysTableProps {
  keys: ApiKeysTable_KeyFragment[];
  now: Date;
  sort: SortField;
  direction: SortDirection;
  onSort: (field: SortField) => void;
  onRevoke: (key: ApiKeysTable_KeyFragment) => void;
}

export function ApiKeysTable({ keys, now, sort, direction, onSort, onRevoke }: ApiKeysTableProps) {
  return (
    <TableContainer>
      <Table aria-label="API keys" size="small">
        <TableHead>
          <TableRow>
            {COLUMNS.map((column) => {
              const active = column.sort === sort;
              return (
                <TableCell key={column.label} sortDirection={active ? direction : false} sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                  {column.sort ? (
                    <TableSortLabel active={active} direction={active ? direction : 'asc'} onClick={() => onSort(column.sort as SortField)}>
                      {column.label}
                    </TableSortLabel>
                  ) : (
                    column.label
                  )}
                </TableCell>
              );
            })}
            <TableCell>
              <Box component="span" sx={visuallyHidden}>
                Actions
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {keys.map((key) => (
            <TableRow key={key.id} hover>
              <TableCell component="th" scope="row" sx={{ fontWeight: 500, wordBreak: 'break-word' }}>
                {key.name}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{key.key_hint}…</TableCell>
              <TableCell>{key.tenant.name}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <DateTime iso={key.created} format="since" now={now} />
              </TableCell>
              <TableCell>
                <KeyExpiry expiresAt={key.expires_at} now={now} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <KeyLastUsed lastUsedAt={key.last_used_at} now={now} />
              </TableCell>
              <TableCell align="right" padding="checkbox">
                <LazyTooltip title="Revoke API key">
                  <IconButton aria-label={`Revoke API key ${key.name}`} onClick={() => onRevoke(key)}>
                    <DeleteOutlinedIcon />
                  </IconButton>
                </LazyTooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
