import { useQuery } from '@apollo/client/react';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { useState } from 'react';
import { KeyExpiry, KeyLastUsed } from '../../components/api-keys/key-time-display';
import type { RevokableKey } from '../../components/api-keys/revoke-key-dialog';
import { DateTime } from '../../components/date-time';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { LazyTooltip } from '../../components/lazy-tooltip';
import { TableSkeleton } from '../../components/loading-skeleton';
import { QueryError } from '../../components/query-error';
import { TablePageNavigation } from '../../components/table-page-navigation';
import { graphql } from '../../gql';
import type { ServiceAccountKeysTable_KeyFragment } from '../../gql/graphql';
import { lazyNamed } from '../../lib/lazy';
import { PAGE_SIZE, pageVariables, useClampPage } from '../../lib/paging';

const CreateKeyDialog = lazyNamed(() => import('../../components/api-keys/create-key-dialog'), 'CreateKeyDialog');
const RevokeKeyDialog = lazyNamed(() => import('../../components/api-keys/revoke-key-dialog'), 'RevokeKeyDialog');
const preloadCreate = () => void CreateKeyDialog.preload().catch(() => undefined);
const preloadRevoke = () => void RevokeKeyDialog.preload().catch(() => undefined);

/** One account's keys (administrators only), newest first. */
export const ServiceAccountKeysQuery = graphql(`
  query ServiceAccountKeys($userId: uuid!, $limit: Int!, $offset: Int!) {
    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ created: desc }, { id: asc }], limit: $limit, offset: $offset) {
      ...ServiceAccountKeysTable_key
    }
    auth_api_key_aggregate(where: { user_id: { _eq: $userId } }) {
      aggregate {
        count
      }
    }
  }
`);

export const ServiceAccountKeysTableKeyFragment = graphql(`
  fragment ServiceAccountKeysTable_key on auth_api_key {
    id
    name
    key_hint
    created
    expires_at
    last_used_at
    created_by {
      id
      username
    }
  }
`);

const head = { fontWeight: 600, whiteSpace: 'nowrap' } as const;
// Phones keep the name, expiry and trash icon; the rest needs a wider screen.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } } as const;

interface ServiceAccountKeysProps {
  account: { id: string; name: string };
  now: Date;
  onNotice: (message: string) => void;
}

/** An opened account's keys, with Create API Key and a trash icon per key (administrators only). */
export function ServiceAccountKeys({ account, now, onNotice }: ServiceAccountKeysProps) {
  const headingId = `keys-of-${account.id}`;
  // The page of an opened account's keys is this panel's alone: the URL holds the account list's page.
  const [page, setPage] = useState(0);
  const { data, previousData, error, refetch } = useQuery(ServiceAccountKeysQuery, {
    variables: { userId: account.id, ...pageVariables(page) },
  });
  const shown = data ?? previousData;
  const keys = shown?.auth_api_key;
  const total = shown ? shown.auth_api_key_aggregate.aggregate.count : null;
  useClampPage(page, total, setPage);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<RevokableKey | null>(null);

  const createButton = (
    <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={() => setCreating(true)} onPointerEnter={preloadCreate} onFocus={preloadCreate}>
      Create API Key
    </Button>
  );

  let body;
  if (error && !keys) {
    body = <QueryError title={`Could not load the keys of ${account.name}`} error={error} onRetry={() => void refetch()} />;
  } else if (!keys) {
    body = <TableSkeleton label={`Loading the keys of ${account.name}`} rows={2} columns={6} />;
  } else if (total === 0) {
    body = (
      <Typography variant="body2" sx={{ color: 'text.secondary', py: 1 }}>
        {account.name} has no API keys yet. Create one to let a CI job or agent authenticate as it.
      </Typography>
    );
  } else {
    body = (
      <>
        <KeysTable keys={keys} now={now} labelledBy={headingId} onRevoke={(key) => setRevoking({ id: key.id, name: key.name, userId: account.id })} />
        <TablePageNavigation count={total ?? 0} page={page} rowsPerPage={PAGE_SIZE} onPageChange={setPage} />
      </>
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ py: 2, px: { xs: 0, sm: 2 } }} onPointerEnter={preloadRevoke}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography id={headingId} variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          API keys of {account.name}
        </Typography>
        {createButton}
      </Box>
      {error && keys ? (
        <Alert severity="error" sx={{ mb: 1 }}>
          Could not refresh the keys. The rows below may be out of date.
        </Alert>
      ) : null}
      {body}
      <LazyDialogSlot open={creating}>
        <CreateKeyDialog
          open={creating}
          onClose={() => setCreating(false)}
          userId={account.id}
          variant="service-account"
          title={`Create an API Key for ${account.name}`}
        />
      </LazyDialogSlot>
      <LazyDialogSlot open={revoking !== null}>
        <RevokeKeyDialog
          apiKey={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(key) => {
            setRevoking(null);
            onNotice(`API key "${key.name}" revoked`);
          }}
        />
      </LazyDialogSlot>
    </Box>
  );
}

interface KeysTableProps {
  keys: ServiceAccountKeysTable_KeyFragment[];
  now: Date;
  labelledBy: string;
  onRevoke: (key: ServiceAccountKeysTable_KeyFragment) => void;
}

function KeysTable({ keys, now, labelledBy, onRevoke }: KeysTableProps) {
  return (
    <TableContainer>
      <Table size="small" aria-labelledby={labelledBy}>
        <TableHead>
          <TableRow>
            <TableCell sx={head}>Name</TableCell>
            <TableCell sx={{ ...head, ...wideOnly }}>Key</TableCell>
            <TableCell sx={{ ...head, ...wideOnly }}>Created by</TableCell>
            <TableCell sx={{ ...head, ...wideOnly }}>Created</TableCell>
            <TableCell sx={head}>Expires</TableCell>
            <TableCell sx={{ ...head, ...wideOnly }}>Last used</TableCell>
            <TableCell>
              <Box component="span" sx={visuallyHidden}>
                Actions
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {keys.map((key) => (
            <TableRow key={key.id}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 500, overflowWrap: 'anywhere', minWidth: '8rem' }}>
                {key.name}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap', ...wideOnly }}>{key.key_hint}…</TableCell>
              <TableCell sx={wideOnly}>{key.created_by?.username ?? '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', ...wideOnly }}>
                <DateTime iso={key.created} format="since" now={now} />
              </TableCell>
              <TableCell>
                <KeyExpiry expiresAt={key.expires_at} now={now} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', ...wideOnly }}>
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
