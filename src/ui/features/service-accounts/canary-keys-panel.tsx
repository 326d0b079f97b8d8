import { useQuery } from '@apollo/client/react';
import AddIcon from '@mui/icons-material/Add';
import CrisisAlertIcon from '@mui/icons-material/CrisisAlert';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { TableSkeleton } from '../../components/loading-skeleton';
import { QueryError } from '../../components/query-error';
import { SuccessSnackbar } from '../../components/success-snackbar';
import { TablePageNavigation } from '../../components/table-page-navigation';
import { graphql } from '../../gql';
import { lazyNamed } from '../../lib/lazy';
import { pageVariables, useClampPage, useUrlPaging } from '../../lib/paging';
import { useNow } from '../../lib/use-now';
import { useRefetchOnReturn } from '../../lib/use-refetch-on-return';
import { CanaryKeysTable } from './canary-keys-table';
import type { DeletableCanary } from './delete-canary-key-dialog';

const CreateCanaryKeyDialog = lazyNamed(() => import('./create-canary-key-dialog'), 'CreateCanaryKeyDialog');
const DeleteCanaryKeyDialog = lazyNamed(() => import('./delete-canary-key-dialog'), 'DeleteCanaryKeyDialog');
const preloadCreate = () => void CreateCanaryKeyDialog.preload().catch(() => undefined);
const preloadDelete = () => void DeleteCanaryKeyDialog.preload().catch(() => undefined);

export const CanaryKeysPanelQuery = graphql(`
  query CanaryKeysPanel($limit: Int!, $offset: Int!) {
    canary_key(limit: $limit, offset: $offset) {
      ...CanaryKeysTable_canary
    }
    canary_key_aggregate {
      aggregate {
        count
      }
    }
  }
`);

/**
 * Team › Service Accounts › Canary keys (administrators): the tenant's decoys and whether
 * they have tripped. A canary is a service-account key to anyone who finds it, so it sits
 * beside them, on a tab of its own that only administrators see.
 */
export function CanaryKeysPanel() {
  const now = useNow();
  const paging = useUrlPaging('canaries');
  const { data, previousData, error, refetch } = useQuery(CanaryKeysPanelQuery, { variables: pageVariables(paging.page, paging.size) });
  // A canary tripped while the tab was away shows when the user comes back.
  useRefetchOnReturn(refetch);
  const shown = data ?? previousData;
  const total = shown ? shown.canary_key_aggregate.aggregate.count : null;
  useClampPage(paging.page, total, paging.setPage, paging.size);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DeletableCanary | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const createButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} onPointerEnter={preloadCreate} onFocus={preloadCreate}>
      Create Canary Key
    </Button>
  );

  const canaries = shown?.canary_key;
  let body;
  if (error && !canaries) {
    body = <QueryError title="Could not load canary keys" error={error} onRetry={() => void refetch()} />;
  } else if (!canaries) {
    body = <TableSkeleton label="Loading canary keys" columns={4} />;
  } else if (total === 0) {
    body = (
      <EmptyState
        icon={<CrisisAlertIcon />}
        title="No canary keys yet"
        description="Create one and plant it where a leaked key would be found or tried. The first time anyone uses it, you will see it here, with the address and program it came from."
        action={createButton}
      />
    );
  } else {
    const tripped = canaries.filter((canary) => canary.last_used_at !== null).length;
    body = (
      <>
        {tripped > 0 ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            <AlertTitle>{tripped === 1 ? '1 canary key has been used' : `${tripped} canary keys have been used`}</AlertTitle>
            Someone has the place where it was planted. Find out how it got out, and revoke the real keys that were kept beside it.
          </Alert>
        ) : null}
        <Paper variant="outlined" onPointerEnter={preloadDelete}>
          {error ? (
            <Alert severity="error" sx={{ borderRadius: 0 }}>
              Could not refresh the list. The rows below may be out of date.
            </Alert>
          ) : null}
          <CanaryKeysTable canaries={canaries} now={now} onDelete={setDeleting} />
          <TablePageNavigation count={total ?? 0} paging={paging} />
        </Paper>
      </>
    );
  }

  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', justifyContent: 'space-between', mb: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 640 }}>
          Decoy keys to plant where a leak would show: a repository, a CI variable, a laptop. Each looks like any service-account key but can do nothing; every
          use is refused and recorded here.
        </Typography>
        {total === 0 ? null : createButton}
      </Box>
      {body}
      <LazyDialogSlot open={creating}>
        <CreateCanaryKeyDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(name) => setNotice(`Canary key "${name}" created. Plant it where a leak would show.`)}
        />
      </LazyDialogSlot>
      <LazyDialogSlot open={deleting !== null}>
        <DeleteCanaryKeyDialog
          canary={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(canary) => {
            setDeleting(null);
            setNotice(`Canary key "${canary.name}" deleted`);
          }}
        />
      </LazyDialogSlot>
      <SuccessSnackbar message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
