import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { Suspense, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { TableSkeleton } from '../../components/loading-skeleton';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { graphql } from '../../gql';
import type { TenantSettingsPageQuery as TenantSettingsData } from '../../gql/graphql';
import { lazyNamed } from '../../lib/lazy';
import { paths, tenantHome } from '../../lib/paths';
import { useCurrentTenant, type CurrentTenant } from '../../lib/tenant-context';
import { usePageTitle } from '../../lib/use-page-title';
import { KeyPolicySection } from './key-policy-form';
import { keysStopMessage } from './keys-stop-message';
import { SettingsSection } from './settings-section';
import { TenantNameForm } from './tenant-name-form';
import { TenantSlugForm, type SlugChangedState } from './tenant-slug-form';

const DeleteTenantDialog = lazyNamed(() => import('./delete-tenant-dialog'), 'DeleteTenantDialog');
const preloadDelete = () => void DeleteTenantDialog.preload().catch(() => undefined);
// Its own chunk: the first page's bundle does not carry the webhooks' forms and tables.
const WebhooksSection = lazyNamed(() => import('./webhooks-section'), 'WebhooksSection');

export const TenantSettingsPageQuery = graphql(`
  query TenantSettingsPage($id: uuid!) {
    tenant_by_pk(id: $id) {
      id
      name
      live_api_key_count
      ...TenantNameForm_tenant
      ...TenantSlugForm_tenant
    }
  }
`);

/** Team › Settings: the tenant's name and URL, its key policy, and deleting it; administrators only. */
export function TenantSettingsPage() {
  usePageTitle('Settings');
  const tenant = useCurrentTenant();
  return (
    <Box sx={{ maxWidth: 880 }}>
      <PageHeader
        section="Team"
        title="Settings"
        description={`The name and address of ${tenant.name}, the limits on its API keys, its webhooks, and deleting it.`}
      />
      {tenant.isAdmin ? (
        <AdminSettings tenant={tenant} />
      ) : (
        <Alert severity="info">
          <AlertTitle>Only administrators can change the settings</AlertTitle>
          The name, URL and deletion of {tenant.name} are for its administrators. Ask one of them if something should change.
        </Alert>
      )}
    </Box>
  );
}

function AdminSettings({ tenant }: { tenant: CurrentTenant }) {
  const { data, error, refetch } = useQuery(TenantSettingsPageQuery, { variables: { id: tenant.id } });
  const location = useLocation();
  const changedFrom = (location.state as SlugChangedState | null)?.slugChangedFrom;
  const settings = data?.tenant_by_pk;

  if (error && !settings) return <QueryError title="Could not load the settings" error={error} onRetry={() => void refetch()} />;
  if (!settings) return <TableSkeleton label="Loading settings" />;
  return (
    <Stack spacing={3}>
      {changedFrom && changedFrom !== tenant.slug ? (
        <Alert severity="success">
          The URL is now /{tenant.slug}. Links to /{changedFrom} lead here until another tenant takes that name.
        </Alert>
      ) : null}
      <TenantNameForm tenant={settings} />
      {/* Keyed by the slug: the form starts afresh under a new one. */}
      <TenantSlugForm key={tenant.slug} tenant={settings} />
      <KeyPolicySection tenantId={tenant.id} />
      <Suspense fallback={<TableSkeleton label="Loading webhooks" rows={2} columns={3} />}>
        <WebhooksSection tenantId={tenant.id} />
      </Suspense>
      <DangerZone tenant={tenant} settings={settings} />
    </Stack>
  );
}

function DangerZone({ tenant, settings }: { tenant: CurrentTenant; settings: NonNullable<TenantSettingsData['tenant_by_pk']> }) {
  const [deleting, setDeleting] = useState(false);
  const navigate = useNavigate();
  // Where to go afterwards: another tenant of the caller's, else the page for people in none.
  const next = tenant.memberships.find((m) => m.tenant.id !== tenant.id);
  return (
    <SettingsSection
      title="Danger zone"
      danger
      description={
        <>Deleting {tenant.name} revokes every API key acting in it and removes its members, service accounts and invitations. It cannot be undone.</>
      }
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Button variant="outlined" color="error" onClick={() => setDeleting(true)} onPointerEnter={preloadDelete} onFocus={preloadDelete}>
          Delete tenant
        </Button>
        <Box component="span" sx={{ typography: 'body2', color: 'text.secondary' }}>
          {keysStopMessage(settings.live_api_key_count ?? null)}
        </Box>
      </Box>
      <LazyDialogSlot open={deleting}>
        <DeleteTenantDialog
          open={deleting}
          tenant={{ id: settings.id, name: settings.name, liveApiKeyCount: settings.live_api_key_count ?? null }}
          onClose={() => setDeleting(false)}
          onDeleted={() => navigate(next ? tenantHome(next.tenant.slug) : paths.noTenant.href(), { replace: true })}
        />
      </LazyDialogSlot>
    </SettingsSection>
  );
}
