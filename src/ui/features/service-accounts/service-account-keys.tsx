import { useQuery } from '@apollo/client/react';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ApiKeysTable } from '../../components/api-keys/api-keys-table';
import type { RevokableKey } from '../../components/api-keys/revoke-key-dialog';
import { preloadRevokeKeyDialog, RevokeKeySlot } from '../../components/api-keys/revoke-key-slot';
import { EditKeySlot, preloadEditKeyDialog } from '../../components/api-keys/edit-key-slot';
import type { EditableKey } from '../../components/api-keys/edit-key-dialog';
import type { RotatableKey } from '../../components/api-keys/rotate-key-dialog';
import { preloadRotateKeyDialog, RotateKeySlot } from '../../components/api-keys/rotate-key-slot';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { TableSkeleton } from '../../components/loading-skeleton';
import { QueryError } from '../../components/query-error';
import { TablePageNavigation } from '../../components/table-page-navigation';
import { graphql } from '../../gql';
import { lazyNamed } from '../../lib/lazy';
import { pageVariables, useClampPage, useLocalPaging } from '../../lib/paging';
import { useRefetchOnReturn } from '../../lib/use-refetch-on-return';
import { KeyAgents } from './key-agents';

const CreateKeyDialog = lazyNamed(() => import('../../components/api-keys/create-key-dialog'), 'CreateKeyDialog');
const preloadCreate = () => void CreateKeyDialog.preload().catch(() => undefined);

const preloadKeyDialogs = () => {
  preloadRevokeKeyDialog();
  preloadRotateKeyDialog();
  preloadEditKeyDialog();
};

/** One account's keys (administrators only), newest first. */
export const ServiceAccountKeysQuery = graphql(`
  query ServiceAccountKeys($userId: uuid!, $limit: Int!, $offset: Int!) {
    auth_api_key(where: { user_id: { _eq: $userId } }, order_by: [{ created: desc }, { id: asc }], limit: $limit, offset: $offset) {
      ...ApiKeysTable_key
      ...KeyAgents_key
    }
    auth_api_key_aggregate(where: { user_id: { _eq: $userId } }) {
      aggregate {
        count
      }
    }
  }
`);

interface ServiceAccountKeysProps {
  account: { id: string; name: string; role?: string };
  now: Date;
  onNotice: (message: string) => void;
}

/** An opened account's keys, with Create API Key and a trash icon per key (administrators only). */
export function ServiceAccountKeys({ account, now, onNotice }: ServiceAccountKeysProps) {
  const headingId = `keys-of-${account.id}`;
  // The page of an opened account's keys is this panel's alone: the URL holds the account list's page.
  const paging = useLocalPaging();
  const { data, previousData, error, refetch } = useQuery(ServiceAccountKeysQuery, {
    variables: { userId: account.id, ...pageVariables(paging.page, paging.size) },
  });
  useRefetchOnReturn(() => void refetch().catch(() => undefined));
  const shown = data ?? previousData;
  const keys = shown?.auth_api_key;
  const total = shown ? shown.auth_api_key_aggregate.aggregate.count : null;
  useClampPage(paging.page, total, paging.setPage, paging.size);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<RevokableKey | null>(null);
  const [editing, setEditing] = useState<EditableKey | null>(null);
  const [rotating, setRotating] = useState<RotatableKey | null>(null);

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
        <ApiKeysTable
          keys={keys}
          now={now}
          labelledBy={headingId}
          showCreatedBy
          onRevoke={(key) => setRevoking({ id: key.id, name: key.name, userId: account.id })}
          onEdit={setEditing}
          onRotate={(key) => setRotating({ id: key.id, name: key.name, userId: account.id, tenantId: key.tenant.id, expiresAt: key.expires_at ?? null })}
        />
        <TablePageNavigation count={total ?? 0} paging={paging} />
        <KeyAgents keys={keys} now={now} headingId={`agents-${account.id}`} />
      </>
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ py: 2, px: { xs: 0, sm: 2 } }} onPointerEnter={preloadKeyDialogs}>
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
          ownerRole={account.role}
          variant="service-account"
          title={`Create an API Key for ${account.name}`}
        />
      </LazyDialogSlot>
      <RevokeKeySlot apiKey={revoking} onClose={() => setRevoking(null)} onNotice={onNotice} />
      <EditKeySlot apiKey={editing} onClose={() => setEditing(null)} onNotice={onNotice} />
      <RotateKeySlot apiKey={rotating} onClose={() => setRotating(null)} />
    </Box>
  );
}
