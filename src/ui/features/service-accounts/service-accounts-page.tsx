import { useQuery } from '@apollo/client/react';
import AddIcon from '@mui/icons-material/Add';
import SmartToyOutlinedIcon from '@mui/icons-material/SmartToyOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { TableSkeleton } from '../../components/loading-skeleton';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { SuccessSnackbar } from '../../components/success-snackbar';
import { TablePageNavigation } from '../../components/table-page-navigation';
import { graphql } from '../../gql';
import { lazyNamed } from '../../lib/lazy';
import { pageVariables, useClampPage, useUrlPaging } from '../../lib/paging';
import { roleLabel } from '../../lib/roles';
import { useCurrentTenant } from '../../lib/tenant-context';
import { useNow } from '../../lib/use-now';
import { usePageTitle } from '../../lib/use-page-title';
import { CanaryKeysPanel } from './canary-keys-panel';
import type { RoleChangeTarget } from './change-role-dialog';
import type { RemovableAccount } from './remove-service-account-dialog';
import { ServiceAccountsTable, type ServiceAccount } from './service-accounts-table';

const AddServiceAccountDialog = lazyNamed(() => import('./add-service-account-dialog'), 'AddServiceAccountDialog');
const ChangeRoleDialog = lazyNamed(() => import('./change-role-dialog'), 'ChangeRoleDialog');
const RemoveServiceAccountDialog = lazyNamed(() => import('./remove-service-account-dialog'), 'RemoveServiceAccountDialog');
const KeyNoticeAlert = lazyNamed(() => import('../../components/key-notices/key-notices'), 'KeyNoticeAlert');
const preloadAdd = () => void AddServiceAccountDialog.preload().catch(() => undefined);
const preloadRowDialogs = () => {
  void ChangeRoleDialog.preload().catch(() => undefined);
  void RemoveServiceAccountDialog.preload().catch(() => undefined);
};

export const ServiceAccountsPageQuery = graphql(`
  query ServiceAccountsPage($limit: Int!, $offset: Int!) {
    user_view_same_tenant(where: { account_type: { _eq: "SERVICE" } }, order_by: [{ username: asc }, { id: asc }], limit: $limit, offset: $offset) {
      ...ServiceAccountsTable_account
    }
    user_view_same_tenant_aggregate(where: { account_type: { _eq: "SERVICE" } }) {
      aggregate {
        count
      }
    }
  }
`);

/** The search parameter that holds the opened account, so a link opens it again. */
const OPEN_PARAM = 'account';
/** The search parameter of the tab shown: absent for the accounts, "canaries" for the canary keys (administrators). */
const VIEW_PARAM = 'view';
const CANARIES = 'canaries';

/**
 * Team › Service Accounts: what CI jobs and agents authenticate as. Everyone sees the
 * accounts and their roles; administrators open an account to see and manage its keys,
 * add accounts, change their roles and remove them.
 */
export function ServiceAccountsPage() {
  usePageTitle('Service Accounts');
  const tenant = useCurrentTenant();
  const manage = tenant.isAdmin;
  const now = useNow();
  const paging = useUrlPaging();
  const [searchParams, setSearchParams] = useSearchParams();
  const canaries = manage && searchParams.get(VIEW_PARAM) === CANARIES;
  const { data, previousData, error, refetch } = useQuery(ServiceAccountsPageQuery, {
    variables: pageVariables(paging.page, paging.size),
    // The canary tab has its own list; the accounts are asked for when their tab shows.
    skip: canaries,
  });
  // After a change the list refetches; the rows (and an opened account) stay until the new ones arrive.
  const shown = data ?? previousData;
  const total = shown ? shown.user_view_same_tenant_aggregate.aggregate.count : null;
  useClampPage(paging.page, total, paging.setPage, paging.size);
  const openId = manage ? searchParams.get(OPEN_PARAM) : null;
  const setView = (view: string | null) =>
    setSearchParams(
      (params) => {
        // Each tab keeps its own paging; the opened account belongs to the accounts tab.
        const next = new URLSearchParams(params);
        if (view) next.set(VIEW_PARAM, view);
        else next.delete(VIEW_PARAM);
        next.delete(OPEN_PARAM);
        return next;
      },
      { replace: true },
    );
  const [adding, setAdding] = useState(false);
  const [changingRole, setChangingRole] = useState<RoleChangeTarget | null>(null);
  const [removing, setRemoving] = useState<RemovableAccount | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const setOpen = (id: string | null) =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (id) next.set(OPEN_PARAM, id);
        else next.delete(OPEN_PARAM);
        return next;
      },
      { replace: true },
    );

  const addButton = manage ? (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)} onPointerEnter={preloadAdd} onFocus={preloadAdd}>
      Add Service Account
    </Button>
  ) : null;

  const accounts = shown?.user_view_same_tenant;
  let body;
  if (error && !accounts) {
    body = <QueryError title="Could not load service accounts" error={error} onRetry={() => void refetch()} />;
  } else if (!accounts) {
    body = <TableSkeleton label="Loading service accounts" columns={manage ? 5 : 3} />;
  } else if (total === 0) {
    body = (
      <EmptyState
        icon={<SmartToyOutlinedIcon />}
        title="No service accounts yet"
        description={
          manage
            ? 'Add a service account for each CI job or agent, then create an API key for it, so automation never depends on a person’s key.'
            : 'An administrator of this tenant can add one.'
        }
        action={addButton}
      />
    );
  } else {
    body = (
      <Paper variant="outlined" onPointerEnter={manage ? preloadRowDialogs : undefined}>
        {error ? (
          <Alert severity="error" sx={{ borderRadius: 0 }}>
            Could not refresh the list. The rows below may be out of date.
          </Alert>
        ) : null}
        <ServiceAccountsTable
          accounts={accounts}
          manage={manage}
          openId={openId}
          now={now}
          onToggle={(account: ServiceAccount) => setOpen(account.id === openId ? null : account.id)}
          onChangeRole={(account) =>
            setChangingRole({
              name: account.username,
              membershipId: account.memberships[0]?.id ?? '',
              role: account.memberships[0]?.role ?? 'TENANT_ADMIN',
            })
          }
          onRemove={(account) => setRemoving({ id: account.id, name: account.username, keyCount: account.api_key_count ?? 0 })}
          onNotice={setNotice}
        />
        <TablePageNavigation count={total ?? 0} paging={paging} />
      </Paper>
    );
  }

  return (
    <Box>
      <PageHeader
        section="Team"
        title="Service Accounts"
        description={`Accounts that CI jobs, agents and scripts authenticate as in ${tenant.name}. Their keys act with the account’s role, not a person’s.`}
        actions={canaries ? null : addButton}
      />
      {manage ? (
        <Suspense fallback={null}>
          <KeyNoticeAlert scope="service" />
        </Suspense>
      ) : null}
      {manage ? (
        <Tabs value={canaries ? CANARIES : 'accounts'} onChange={(_event, value: string) => setView(value === CANARIES ? CANARIES : null)} sx={{ mb: 2 }}>
          <Tab value="accounts" label="Service accounts" id="service-accounts-tab" aria-controls="service-accounts-tabpanel" />
          <Tab value={CANARIES} label="Canary keys" id="canary-keys-tab" aria-controls="canary-keys-tabpanel" />
        </Tabs>
      ) : null}
      {!manage ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          Only tenant administrators can manage service accounts: add or remove them, change their roles, and see or create their API keys.
        </Alert>
      ) : null}
      {!manage ? (
        body
      ) : canaries ? (
        <Box role="tabpanel" id="canary-keys-tabpanel" aria-labelledby="canary-keys-tab">
          <CanaryKeysPanel />
        </Box>
      ) : (
        <Box role="tabpanel" id="service-accounts-tabpanel" aria-labelledby="service-accounts-tab">
          {body}
        </Box>
      )}
      <LazyDialogSlot open={adding}>
        <AddServiceAccountDialog
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={(account) => {
            setAdding(false);
            setOpen(account.id);
            setNotice(`Service account "${account.name}" added. Create an API key for it below.`);
          }}
        />
      </LazyDialogSlot>
      <LazyDialogSlot open={changingRole !== null}>
        <ChangeRoleDialog
          account={changingRole}
          onClose={() => setChangingRole(null)}
          onChanged={(account, role) => {
            setNotice(`${account.name} is now ${roleLabel(role)}`);
            setChangingRole(null);
          }}
        />
      </LazyDialogSlot>
      <LazyDialogSlot open={removing !== null}>
        <RemoveServiceAccountDialog
          account={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(account) => {
            setRemoving(null);
            if (openId === account.id) setOpen(null);
            setNotice(`Service account "${account.name}" removed`);
          }}
        />
      </LazyDialogSlot>
      <SuccessSnackbar message={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
