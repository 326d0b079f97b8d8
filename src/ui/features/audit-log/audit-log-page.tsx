import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import HistoryIcon from '@mui/icons-material/History';
import RefreshIcon from '@mui/icons-material/Refresh';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { graphql } from '../../gql';
import { useNow } from '../../lib/use-now';
import { EmptyState } from '../../components/empty-state';
import { TableSkeleton } from '../../components/loading-skeleton';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { TablePageNavigation } from '../../components/table-page-navigation';
import { errorCode, isRouteLevelError } from '../../lib/errors';
import { pageVariables, useClampPage, useViewPaging } from '../../lib/paging';
import { useCurrentTenant } from '../../lib/tenant-context';
import { usePageTitle } from '../../lib/use-page-title';
import { AuditExportMenu } from './audit-export-menu';
import { AuditLogFilters } from './audit-log-filters';
import { DEFAULT_STATE, auditLogStateToParams, buildWhere, hasFilters, parseAuditLogState, type AuditLogState } from './audit-log-state';
import { AuditLogTable } from './audit-log-table';
import { ProgressBar } from '../../components/progress';

export const AuditLogPageQuery = graphql(`
  query AuditLogPage($where: audit_event_bool_exp!, $limit: Int!, $offset: Int!) {
    audit_event(where: $where, order_by: [{ created: desc }], limit: $limit, offset: $offset) {
      ...AuditLogTable_event
    }
    audit_event_aggregate(where: $where) {
      aggregate {
        count
      }
    }
  }
`);

const DESCRIPTION =
  'Every creation and revocation of keys, service accounts, memberships and invitations, every role change and every failed sign-in in this tenant. Keys themselves are never recorded.';

/** "audit-log-acme-2026-03-01-to-2026-03-31": the tenant and the range, so two exports do not overwrite each other. */
function exportFileName(slug: string, state: AuditLogState): string {
  const range = state.from || state.to ? `-${state.from || 'start'}-to-${state.to || 'now'}` : '';
  return `audit-log-${slug}${range}`;
}

function AdminsOnly({ tenantName }: { tenantName: string }) {
  return (
    <Alert severity="info">
      <AlertTitle>Only administrators can read the audit log</AlertTitle>
      The audit log of {tenantName} is visible to its administrators. Ask one of them if you need to know who did what.
    </Alert>
  );
}

/** Team › Audit Log: what happened in the tenant, who did it, from where; administrators only. */
export function AuditLogPage() {
  usePageTitle('Audit Log');
  const tenant = useCurrentTenant();

  return (
    <Box>
      {tenant.isAdmin ? (
        <AuditLog />
      ) : (
        <>
          <PageHeader section="Team" title="Audit Log" description={DESCRIPTION} />
          <AdminsOnly tenantName={tenant.name} />
        </>
      )}
    </Box>
  );
}

function AuditLog() {
  const tenant = useCurrentTenant();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseAuditLogState(searchParams), [searchParams]);
  const now = useNow();
  const where = buildWhere(state);
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogPageQuery, {
    variables: { where, ...pageVariables(state.page, state.size) },
    notifyOnNetworkStatusChange: true,
    // An audit log is read to learn what just happened: always ask the server.
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const events = shown?.audit_event ?? [];
  const total = shown?.audit_event_aggregate.aggregate.count ?? 0;

  const update = useCallback(
    (change: Partial<AuditLogState>, resetPage = true) => {
      setSearchParams(auditLogStateToParams({ ...state, ...(resetPage ? { page: 0 } : {}), ...change }));
    },
    [state, setSearchParams],
  );

  const paging = useViewPaging(
    state.page,
    state.size,
    useCallback((next: { page: number; size: number }) => update(next, false), [update]),
  );
  // A page past the end (an old link, or filters narrowed elsewhere): go to the last page, outside a
  // transition (a transition here kept being restarted by the cache and never landed).
  const clampTo = useCallback(
    (page: number) => setSearchParams(auditLogStateToParams({ ...state, page }), { replace: true, flushSync: true }),
    [state, setSearchParams],
  );
  useClampPage(state.page, data ? total : null, clampTo, state.size);

  const filtered = hasFilters(state);
  // Clearing remounts the filters, so a half-typed or refused date (never in the URL) goes too.
  const [clears, setClears] = useState(0);
  const clearFilters = () => {
    setClears((n) => n + 1);
    setSearchParams(auditLogStateToParams({ ...DEFAULT_STATE, size: state.size }));
  };
  const actions = (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <Button startIcon={<RefreshIcon />} onClick={() => void refetch()} disabled={loading}>
        Refresh
      </Button>
      <AuditExportMenu where={where} fileName={exportFileName(tenant.slug, state)} disabled={!shown || total === 0} />
    </Box>
  );

  let body;
  if (error && errorCode(error) === 'FORBIDDEN') {
    // The role changed since the page loaded: say so here rather than leave the app.
    body = <AdminsOnly tenantName={tenant.name} />;
  } else if (error && (!shown || isRouteLevelError(error))) {
    // A session that ended while the page was open goes to sign-in even with rows on screen.
    body = <QueryError title="Could not load the audit log" error={error} onRetry={() => void refetch()} />;
  } else if (!shown || (events.length === 0 && total > 0)) {
    // No answer yet, or a page past the end while the effect above moves to the last page.
    body = <TableSkeleton label="Loading audit events" rows={6} columns={5} />;
  } else if (total === 0 && events.length === 0) {
    body = filtered ? (
      <EmptyState
        icon={<SearchOffIcon />}
        title="No events match these filters"
        description="Try another action, actor or date range."
        action={<Button onClick={clearFilters}>Clear filters</Button>}
      />
    ) : (
      <EmptyState
        icon={<HistoryIcon />}
        title="Nothing has been recorded yet"
        description="Creating or revoking API keys, adding service accounts, inviting members and changing roles will show up here."
      />
    );
  } else {
    body = (
      <Paper variant="outlined">
        {error && (
          <Alert severity="error" sx={{ borderRadius: 0 }}>
            Could not refresh the audit log. The events below may be out of date.
          </Alert>
        )}
        <AuditLogTable events={events} now={now} />
        <TablePageNavigation count={total} paging={paging} />
      </Paper>
    );
  }

  return (
    <>
      <PageHeader section="Team" title="Audit Log" description={DESCRIPTION} actions={actions} />
      <AuditLogFilters
        key={clears}
        action={state.action}
        actor={state.actor}
        from={state.from}
        to={state.to}
        filtered={filtered}
        onAction={(action) => update({ action })}
        onActor={(actor) => update({ actor })}
        onDates={({ from, to }) => update({ from, to })}
        onClear={clearFilters}
      />
      <Box sx={{ height: 4, mb: 1 }}>{loading && shown ? <ProgressBar label="Refreshing audit events" /> : null}</Box>
      {body}
    </>
  );
}
