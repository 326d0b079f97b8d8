import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import AutorenewIcon from '@mui/icons-material/Autorenew';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/Edit';
import visuallyHidden from '@mui/utils/visuallyHidden';
import type { ReactNode } from 'react';
import { formatRelativeTime } from '../../../shared/relative-time';
import { graphql } from '../../gql';
import type { ApiKeysTable_KeyFragment } from '../../gql/graphql';
import { DateTime } from '../date-time';
import { roleLabel } from '../../lib/roles';
import { usePhoneLayout } from '../../lib/use-phone-layout';
import { LazyTooltip } from '../lazy-tooltip';
import { StackedList } from '../stacked-list';
import { KeyExpiry, KeyLastUsed } from './key-time-display';

export const ApiKeysTableKeyFragment = graphql(`
  fragment ApiKeysTable_key on auth_api_key {
    id
    name
    key_hint
    created
    expires_at
    last_used_at
    role
    description
    rotation_ends_at
    replaces_key_hint
    tenant {
      id
      name
      slug
    }
    created_by {
      id
      username
    }
  }
`);

export type ApiKeyRow = ApiKeysTable_KeyFragment;

/** The columns a list of keys may sort by (User › API Keys sorts; a service account's keys do not). */
export type KeySortField = 'name' | 'tenant' | 'created' | 'expires_at' | 'last_used_at';
export type KeySortDirection = 'asc' | 'desc';

export interface KeySort {
  field: KeySortField;
  direction: KeySortDirection;
  onSort: (field: KeySortField) => void;
}

type ColumnId = 'name' | 'key' | 'tenant' | 'createdBy' | 'created' | 'expires' | 'lastUsed';

interface Column {
  id: ColumnId;
  label: string;
  sort?: KeySortField;
  cell: (key: ApiKeyRow, now: Date) => ReactNode;
  nowrap?: boolean;
}

const COLUMNS: Column[] = [
  { id: 'name', label: 'Name', sort: 'name', cell: (key) => <KeyName apiKey={key} /> },
  { id: 'key', label: 'Key', cell: (key) => <KeyHint hint={key.key_hint} />, nowrap: true },
  { id: 'tenant', label: 'Tenant', sort: 'tenant', cell: (key) => key.tenant.name },
  { id: 'createdBy', label: 'Created by', cell: (key) => key.created_by?.username ?? '—' },
  { id: 'created', label: 'Created', sort: 'created', cell: (key, now) => <DateTime iso={key.created} format="since" now={now} />, nowrap: true },
  { id: 'expires', label: 'Expires', sort: 'expires_at', cell: (key, now) => <KeyExpiry expiresAt={key.expires_at} now={now} /> },
  { id: 'lastUsed', label: 'Last used', sort: 'last_used_at', cell: (key, now) => <KeyLastUsed lastUsedAt={key.last_used_at} now={now} />, nowrap: true },
];

const SECONDARY = { color: 'text.secondary', fontWeight: 400 };

/** The name, a key's own role when it has one ("Read-only key"), and its description below. */
function KeyName({ apiKey }: { apiKey: ApiKeyRow }) {
  return (
    <>
      {apiKey.name}
      {apiKey.role && (
        <Box component="span" sx={SECONDARY}>
          {' '}
          ({roleLabel(apiKey.role)} key)
        </Box>
      )}
      {apiKey.description && <Box sx={{ ...SECONDARY, whiteSpace: 'pre-line' }}>{apiKey.description}</Box>}
    </>
  );
}

function KeyHint({ hint }: { hint: string | null | undefined }) {
  return (
    <Box component="span" sx={{ fontFamily: 'monospace' }}>
      {hint}…
    </Box>
  );
}

/** A rotation under way, in words: on the old key when it ends, on its successor which key it replaces. */
function rotationText(key: ApiKeyRow, now: Date): string | null {
  if (key.rotation_ends_at) {
    const ends = new Date(key.rotation_ends_at);
    return ends > now ? `rotating — old key ends at first use of the new one, or ${formatRelativeTime(ends, now)}` : 'rotating — old key has ended';
  }
  return key.replaces_key_hint ? `replaces ${key.replaces_key_hint}… until this key is first used` : null;
}

function RotationNote({ text }: { text: string }) {
  return (
    <Box component="span" sx={{ display: 'block', typography: 'caption', color: 'text.secondary', fontWeight: 400 }}>
      {text}
    </Box>
  );
}

export interface ApiKeysTableProps {
  keys: ApiKeyRow[];
  now: Date;
  /** The list's accessible name: a label, or the id of its heading. */
  label?: string;
  labelledBy?: string;
  /** The tenant column (a user's keys act in several tenants). */
  showTenant?: boolean;
  /** The "Created by" column (a service account's keys are made by administrators). */
  showCreatedBy?: boolean;
  /** Sortable column headers; without it the headers are plain. */
  sort?: KeySort;
  onRevoke: (key: ApiKeyRow) => void;
  onEdit: (key: ApiKeyRow) => void;
  onRotate: (key: ApiKeyRow) => void;
}

/**
 * Every list of API keys: a table on wider screens and, on phones, one stacked card per
 * key (name, hint, times and the trash icon), so nothing scrolls sideways. Both pages of
 * keys (User › API Keys and a service account's keys) show their rows with this.
 */
export function ApiKeysTable({ keys, now, label, labelledBy, showTenant = false, showCreatedBy = false, sort, onRevoke, onEdit, onRotate }: ApiKeysTableProps) {
  const phone = usePhoneLayout();
  const columns = COLUMNS.filter((c) => (c.id !== 'tenant' || showTenant) && (c.id !== 'createdBy' || showCreatedBy));
  const revokeButton = (key: ApiKeyRow) => (
    <Box component="span" sx={{ display: 'inline-flex', whiteSpace: 'nowrap' }}>
      <LazyTooltip title="Edit API key">
        <IconButton aria-label={`Edit API key ${key.name}`} onClick={() => onEdit(key)}>
          <EditIcon />
        </IconButton>
      </LazyTooltip>
      <LazyTooltip title="Rotate API key">
        <IconButton aria-label={`Rotate API key ${key.name}`} onClick={() => onRotate(key)}>
          <AutorenewIcon />
        </IconButton>
      </LazyTooltip>
      <LazyTooltip title="Revoke API key">
        <IconButton aria-label={`Revoke API key ${key.name}`} onClick={() => onRevoke(key)}>
          <DeleteOutlinedIcon />
        </IconButton>
      </LazyTooltip>
    </Box>
  );

  if (phone) {
    const items = keys.map((key) => ({
      id: key.id,
      title: key.name,
      details: [
        ...(key.role ? [{ label: 'Role', value: `${roleLabel(key.role)} key` }] : []),
        ...(key.description ? [{ label: 'Description', value: key.description }] : []),
        ...(rotationText(key, now) ? [{ label: 'Rotation', value: rotationText(key, now) }] : []),
        ...columns.filter((c) => c.id !== 'name').map((c) => ({ label: c.label, value: c.cell(key, now) })),
      ],
      actions: revokeButton(key),
    }));
    return <StackedList items={items} label={label} labelledBy={labelledBy} />;
  }

  return (
    <TableContainer>
      <Table aria-label={label} aria-labelledby={labelledBy} size="small">
        <TableHead>
          <TableRow>
            {columns.map((column) => {
              const active = sort !== undefined && column.sort === sort.field;
              return (
                <TableCell key={column.id} sortDirection={active ? sort.direction : false} sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                  {sort && column.sort ? (
                    <TableSortLabel active={active} direction={active ? sort.direction : 'asc'} onClick={() => sort.onSort(column.sort as KeySortField)}>
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
              {columns.map((column) =>
                column.id === 'name' ? (
                  <TableCell key={column.id} component="th" scope="row" sx={{ fontWeight: 500, overflowWrap: 'break-word', minWidth: '8rem' }}>
                    <KeyName apiKey={key} />
                    {rotationText(key, now) && <RotationNote text={rotationText(key, now)!} />}
                  </TableCell>
                ) : (
                  <TableCell key={column.id} sx={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                    {column.cell(key, now)}
                  </TableCell>
                ),
              )}
              <TableCell align="right" padding="checkbox" sx={{ whiteSpace: 'nowrap' }}>
                {revokeButton(key)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
