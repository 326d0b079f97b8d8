import { lazy, Suspense } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { graphql } from '../../gql';
import { actionGroups, actionLabel, isKnownAction } from './audit-actions';

export const AuditLogActorsQuery = graphql(`
  query AuditLogActors {
    audit_event_actor(order_by: [{ username: asc }]) {
      id
      username
      account_type
      is_member
    }
  }
`);

const AuditDateRange = lazy(() => import('./audit-date-range').then((m) => ({ default: m.AuditDateRange })));

/** An actor of the log as the picker shows it: a name always (one for an account that no longer exists too). */
interface AuditActor {
  id: string;
  username: string;
  account_type: string | null;
  is_member: boolean;
}

/** A name for an account the log names by id alone (no account has that id any more). */
const NO_LONGER_EXISTS = 'Removed account';

export interface AuditLogFiltersProps {
  action: string;
  actor: string;
  from: string;
  to: string;
  filtered: boolean;
  onAction: (action: string) => void;
  onActor: (actorId: string) => void;
  onDates: (range: { from: string; to: string }) => void;
  onClear: () => void;
}

const GROUPS = actionGroups();

function actorGroup(actor: AuditActor): string {
  return actor.account_type === 'SERVICE' ? 'Service accounts' : 'People';
}

/** Two skeleton fields the size of the pickers, so the row does not jump when they arrive. */
function DateRangeSkeleton() {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} role="status" aria-label="Loading date filters">
      <Skeleton variant="rounded" height={40} sx={{ width: { xs: '100%', sm: 180 } }} />
      <Skeleton variant="rounded" height={40} sx={{ width: { xs: '100%', sm: 180 } }} />
    </Stack>
  );
}

export function AuditLogFilters({ action, actor, from, to, filtered, onAction, onActor, onDates, onClear }: AuditLogFiltersProps) {
  // The actors to pick from: everyone the tenant's log names, members now or not.
  const actorsQuery = useQuery(AuditLogActorsQuery);
  const actors: AuditActor[] | undefined =
    actorsQuery.data?.audit_event_actor.map((a) => ({ ...a, username: a.username ?? NO_LONGER_EXISTS })) ?? (actorsQuery.error ? [] : undefined);
  // People first, then service accounts, each A→Z (Autocomplete's groups need sorted options).
  const options = [...(actors ?? [])].sort((a, b) => actorGroup(a).localeCompare(actorGroup(b)) || a.username.localeCompare(b.username));
  let selectedActor = options.find((o) => o.id === actor) ?? null;
  if (actor && !selectedActor && actors) {
    // A link may name an account the log does not (or the list could not be read): keep the filter visible.
    selectedActor = { id: actor, username: NO_LONGER_EXISTS, account_type: null, is_member: false };
    options.push(selectedActor);
  }

  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={2}
      useFlexGap
      sx={{ mb: 2, alignItems: { md: 'center' }, flexWrap: 'wrap' }}
      role="search"
      aria-label="Filter audit events"
    >
      <TextField
        select
        label="Action"
        size="small"
        value={action}
        onChange={(e) => onAction(e.target.value)}
        sx={{ minWidth: { md: 220 } }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">All actions</MenuItem>
        {GROUPS.flatMap(({ group, actions }) => [
          <ListSubheader key={`group-${group}`}>{group}</ListSubheader>,
          ...actions.map((a) => (
            <MenuItem key={a.action} value={a.action} sx={{ pl: 3 }}>
              {a.label}
            </MenuItem>
          )),
        ])}
        {action && !isKnownAction(action) && <MenuItem value={action}>{actionLabel(action)}</MenuItem>}
      </TextField>
      <Autocomplete
        size="small"
        options={options}
        value={selectedActor}
        loading={!actors}
        onChange={(_, value) => onActor(value?.id ?? '')}
        groupBy={actorGroup}
        getOptionLabel={(o) => o.username}
        renderOption={({ key, ...props }, o) => (
          <li key={key} {...props}>
            <ListItemText primary={o.username} secondary={o.is_member ? null : '(removed)'} sx={{ my: 0 }} />
          </li>
        )}
        isOptionEqualToValue={(a, b) => a.id === b.id}
        noOptionsText="No one by that name"
        sx={{ width: { xs: '100%', md: 220 } }}
        renderInput={(params) => <TextField {...params} label="Actor" placeholder="Anyone" />}
      />
      <Box>
        <Suspense fallback={<DateRangeSkeleton />}>
          <AuditDateRange from={from} to={to} onChange={onDates} />
        </Suspense>
      </Box>
      {filtered && (
        <Button onClick={onClear} size="small">
          Clear filters
        </Button>
      )}
    </Stack>
  );
}
