import { Suspense, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import KeyIcon from '@mui/icons-material/Key';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import type { SnackbarAction } from '../../components/success-snackbar';
import type { RevokableKey } from '../../components/api-keys/revoke-key-dialog';
import { preloadRevokeKeyDialog, RevokeKeySlot } from '../../components/api-keys/revoke-key-slot';
import { EditKeySlot, preloadEditKeyDialog } from '../../components/api-keys/edit-key-slot';
import type { EditableKey } from '../../components/api-keys/edit-key-dialog';
import type { RotatableKey } from '../../components/api-keys/rotate-key-dialog';
import { preloadRotateKeyDialog, RotateKeySlot } from '../../components/api-keys/rotate-key-slot';
import { useNow } from '../../lib/use-now';
import { useRefetchOnReturn } from '../../lib/use-refetch-on-return';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { EmptyState } from '../../components/empty-state';
import { TableSkeleton } from '../../components/loading-skeleton';
import { TablePageNavigation } from '../../components/table-page-navigation';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { lazyNamed } from '../../lib/lazy';
import { pageVariables, useClampPage, useViewPaging } from '../../lib/paging';
import { useCurrentTenant } from '../../lib/tenant-context';
import { usePageTitle } from '../../lib/use-page-title';
import { ApiKeysFilters } from './api-keys-filters';
import { ApiKeysPageQuery } from './api-keys-page-query';

// Keys expiring this week: its own small chunk, after the page (the first page's bundle is nearly full).
const KeyNoticeAlert = lazyNamed(() => import('../../components/key-notices/key-notices'), 'KeyNoticeAlert');
import {
  DEFAULT_LIST_STATE,
  buildOrderBy,
  buildWhere,
  firstDirection,
  hasFilters,
  listStateToParams,
  needsNow,
  parseListState,
  type ApiKeysListState,
  type SortField,
} from './api-keys-list-state';
import { ApiKeysTable } from '../../components/api-keys/api-keys-table';
import { useMountedOnceWanted } from '../../lib/use-mounted-once-wanted';
import { ProgressBar } from '../../components/progress';

// The dialogs load on first use, fetched as soon as the pointer or focus nears them.
const CreateKeyDialog = lazyNamed(() => import('../../components/api-keys/create-key-dialog'), 'CreateKeyDialog');
// The "revoked" snackbar comes after a revoke only; it loads with the revoke dialog.
const SuccessSnackbar = lazyNamed(() => import('../../components/success-snackbar'), 'SuccessSnackbar');
const preloadRevoke = () => {
  preloadRevokeKeyDialog();
  preloadEditKeyDialog();
  preloadRotateKeyDialog();
  void SuccessSnackbar.preload().catch(() => undefined);
};

interface Notice {
  message: string;
  action?: SnackbarAction;
}

/**
 * User › API Keys: the caller's own keys in every tenant, whichever tenant the switcher is
 * on (it chooses where new keys act by default and what the Team pages show); the line
 * above the list says so and offers the current tenant alone.
 */
export function ApiKeysPage() {
  usePageTitle('API Keys');
  const current = useCurrentTenant();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseListState(searchParams), [searchParams]);
  const now = useNow();
  // The status filters compare with "now"; fix it per view so the variables (and cache) are stable:
  // a new view takes a new "now", a re-render does not.
  const stateKey = listStateToParams(state).toString();
  const [filterNow, setFilterNow] = useState(() => new Date());
  const [filterKey, setFilterKey] = useState(stateKey);
  if (stateKey !== filterKey) {
    setFilterKey(stateKey);
    setFilterNow(new Date());
  }
  const variables = {
    where: buildWhere(state, current.user.id, needsNow(state) ? filterNow : new Date(0)),
    order_by: buildOrderBy(state),
    ...pageVariables(state.page, state.size),
  };
  const { data, previousData, loading, error, refetch } = useQuery(ApiKeysPageQuery, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  // Back from a terminal where a key was used: show the use.
  useRefetchOnReturn(() => void refetch().catch(() => undefined));
  const shown = data ?? previousData;
  const keys = shown?.auth_api_key ?? [];
  const total = shown?.auth_api_key_aggregate.aggregate.count ?? 0;

  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<RevokableKey | null>(null);
  const [editing, setEditing] = useState<EditableKey | null>(null);
  const [rotating, setRotating] = useState<RotatableKey | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeMounted = useMountedOnceWanted(notice !== null);
  // A key just created, until the list has been fetched again with the dialog closed: then the
  // page knows whether the key is among the rows or hidden by a filter or the page.
  const [justCreated, setJustCreated] = useState<{ id: string; name: string } | null>(null);
  if (justCreated && !creating && data && !loading) {
    setJustCreated(null);
    if (!keys.some((key) => key.id === justCreated.id)) {
      setNotice({
        message: hasFilters(state) ? `API key "${justCreated.name}" created. The filters hide it.` : `API key "${justCreated.name}" created, on another page.`,
        // Newest first, no filters, the first page: where a new key is.
        action: { label: 'Show it', onClick: () => setSearchParams(listStateToParams({ ...DEFAULT_LIST_STATE, size: state.size })) },
      });
    }
  }

  const update = useCallback(
    (change: Partial<ApiKeysListState>, resetPage = true) => {
      const next = { ...state, ...(resetPage ? { page: 0 } : {}), ...change };
      setSearchParams(listStateToParams(next));
    },
    [state, setSearchParams],
  );

  const paging = useViewPaging(
    state.page,
    state.size,
    useCallback((next: { page: number; size: number }) => update(next, false), [update]),
  );
  // A page past the end (after revoking the last rows, or an old link): go to the last page.
  useClampPage(state.page, data ? total : null, paging.setPage, state.size);

  const sortBy = (field: SortField) =>
    update({
      sort: field,
      direction: field === state.sort ? (state.direction === 'asc' ? 'desc' : 'asc') : firstDirection(field),
    });

  const filtered = hasFilters(state);
  const createButton = (
    <Button
      variant="contained"
      startIcon={<AddIcon />}
      onClick={() => setCreating(true)}
      onPointerEnter={() => void CreateKeyDialog.preload().catch(() => undefined)}
      onFocus={() => void CreateKeyDialog.preload().catch(() => undefined)}
    >
      Create an API Key
    </Button>
  );

  let body;
  if (error && !shown) {
    body = <QueryError title="Could not load your API keys" error={error} onRetry={() => void refetch()} />;
  } else if (!shown) {
    body = <TableSkeleton label="Loading API keys" rows={5} columns={6} />;
  } else if (total === 0 && keys.length === 0) {
    body = filtered ? (
      <EmptyState
        icon={<SearchOffIcon />}
        title="No API keys match these filters"
        description="Try another name, tenant or status."
        action={<Button onClick={() => setSearchParams(listStateToParams(DEFAULT_LIST_STATE))}>Clear filters</Button>}
      />
    ) : (
      <EmptyState
        icon={<KeyIcon />}
        title="You have no API keys yet"
        description="Create a key to let scripts, the CLI or an agent call the API as you."
        action={createButton}
      />
    );
  } else {
    body = (
      <Paper variant="outlined" onPointerEnter={preloadRevoke} onFocus={preloadRevoke}>
        {error && (
          <Alert severity="error" sx={{ borderRadius: 0 }}>
            Could not refresh the list. The rows below may be out of date.
          </Alert>
        )}
        <ApiKeysTable
          keys={keys}
          now={now}
          label="API keys"
          showTenant
          sort={{ field: state.sort, direction: state.direction, onSort: sortBy }}
          onRevoke={(key) => setRevoking({ id: key.id, name: key.name })}
          onEdit={setEditing}
          onRotate={(key) => setRotating({ id: key.id, name: key.name, tenantId: key.tenant.id, expiresAt: key.expires_at ?? null })}
        />
        <TablePageNavigation count={total} paging={paging} />
      </Paper>
    );
  }

  return (
    <Box>
      <PageHeader
        section="User"
        title="API Keys"
        description="Your keys in every tenant you belong to: they let scripts, the CLI and agents call the API as you, each in the one tenant of its Tenant column."
        actions={createButton}
      />
      <Suspense fallback={null}>
        <KeyNoticeAlert scope="own" />
      </Suspense>
      <ApiKeysFilters
        search={state.search}
        tenant={state.tenant}
        status={state.status}
        memberships={current.memberships}
        filtered={filtered}
        onSearch={(search) => update({ search })}
        onTenant={(tenant) => update({ tenant })}
        onStatus={(status) => update({ status })}
        onClear={() => setSearchParams(listStateToParams({ ...DEFAULT_LIST_STATE, sort: state.sort, direction: state.direction, size: state.size }))}
      />
      {!state.tenant && current.memberships.length > 1 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          Showing your keys in all {current.memberships.length} tenants, not only {current.name}.
          <Button size="small" onClick={() => update({ tenant: current.slug })}>
            Only {current.name}
          </Button>
        </Typography>
      ) : null}
      <Box sx={{ height: 4, mb: 1 }}>{loading && shown ? <ProgressBar label="Refreshing API keys" /> : null}</Box>
      {body}
      <LazyDialogSlot open={creating}>
        <CreateKeyDialog
          open={creating}
          onClose={() => setCreating(false)}
          userId={current.user.id}
          tenants={current.memberships.map((m) => ({ ...m.tenant, role: m.role }))}
          defaultTenantId={current.id}
          onCreated={setJustCreated}
        />
      </LazyDialogSlot>
      <RevokeKeySlot apiKey={revoking} onClose={() => setRevoking(null)} onNotice={(message) => setNotice({ message })} />
      <EditKeySlot apiKey={editing} onClose={() => setEditing(null)} onNotice={(message) => setNotice({ message })} />
      <RotateKeySlot apiKey={rotating} onClose={() => setRotating(null)} />
      {noticeMounted && (
        <Suspense fallback={null}>
          <SuccessSnackbar message={notice?.message ?? null} action={notice?.action} onClose={() => setNotice(null)} />
        </Suspense>
      )}
    </Box>
  );
}
