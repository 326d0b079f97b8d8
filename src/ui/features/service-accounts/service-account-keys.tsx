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
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { CreateKeyDialog } from '../../components/api-keys/create-key-dialog';
import { KeyCreated, KeyExpiry, KeyLastUsed } from '../../components/api-keys/key-time-display';
import { RevokeKeyDialog, type RevokableKey } from '../../components/api-keys/revoke-key-dialog';
import { TableSkeleton } from '../../components/loading-skeleton';
import { QueryError } from '../../components/query-error';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { ServiceAccountKeysQuery } from './service-accounts-documents';

const head = { fontWeight: 600, whiteSpace: 'nowrap' } as const;
// Phones keep the name, expiry and trash icon; the rest needs a wider screen.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } } as const;

interface ServiceAccountKeysProps {
  account: { id: string; name: string };
  now: Date;
  /** After a key was created or revoked: the page refreshes the account's key count. */
  onKeysChanged: () => void;
  onNotice: (message: string) => void;
}

/** An opened account's keys, with Create API Key and a trash icon per key (administrators only). */
export function ServiceAccountKeys({ account, now, onKeysChanged, onNotice }: ServiceAccountKeysProps) {
  const headingId = `keys-of-${account.id}`;
  const { data, error, refetch } = useQuery(ServiceAccountKeysQuery, { variables: { userId: account.id } });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<RevokableKey | null>(null);
  const keys = data?.auth_api_key;

  const createButton = (
    <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
      Create API Key
    </Button>
  );

  let body;
  if (error && !keys) {
    body = <QueryError title={`Could not load the keys of ${account.name}`} error={error} onRetry={() => void refetch()} />;
  } else if (!keys) {
    body = <TableSkeleton label={`Loading the keys of ${account.name}`} rows={2} columns={6} />;
  } else if (keys.length === 0) {
    body = (
      <Typography variant="body2" sx={{ color: 'text.secondary', py: 1 }}>
        {account.name} has no API keys yet. Create one to let a CI job or agent authenticate as it.
      </Typography>
    );
  } else {
    body = (
      <TableContainer>
        <Table size="small" aria-labelledby={headingId}>
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
                  <KeyCreated created={key.created} now={now} />
                </TableCell>
                <TableCell>
                  <KeyExpiry expiresAt={key.expires_at} now={now} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', ...wideOnly }}>
                  <KeyLastUsed lastUsedAt={key.last_used_at} now={now} />
                </TableCell>
                <TableCell align="right" padding="checkbox">
                  <Tooltip title="Revoke API key">
                    <IconButton
                      aria-label={`Revoke API key ${key.name}`}
                      onClick={() => setRevoking({ id: key.id, name: key.name })}
                    >
                      <DeleteOutlinedIcon />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ py: 2, px: { xs: 0, sm: 2 } }}>
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
      <CreateKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        userId={account.id}
        variant="service-account"
        title={`Create an API Key for ${account.name}`}
        onCreated={() => {
          void refetch();
          onKeysChanged();
        }}
      />
      <RevokeKeyDialog
        apiKey={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={(key) => {
          setRevoking(null);
          onNotice(`API key "${key.name}" revoked`);
          onKeysChanged();
        }}
      />
    </Box>
  );
}
