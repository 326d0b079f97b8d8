import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { graphql } from '../../gql';
import type { AuditLogTable_EventFragment } from '../../gql/graphql';
import { DateTime } from '../../components/date-time';
import { StackedList } from '../../components/stacked-list';
import { usePhoneLayout } from '../../lib/use-phone-layout';
import { actionLabel, causeLabel, detailText, targetText, targetTypeLabel } from './audit-actions';

export const AuditLogTableEventFragment = graphql(`
  fragment AuditLogTable_event on audit_event {
    id
    action
    actor_id
    actor {
      id
      username
      account_type
    }
    target_type
    target_id
    target_name
    source_address
    created
    cause
    detail
  }
`);

const COLUMNS = ['Time', 'Action', 'Actor', 'Target', 'Source address'];

function Secondary({ children }: { children: string }) {
  return (
    <Typography component="span" variant="caption" sx={{ display: 'block', color: 'text.secondary', overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  );
}

function Actor({ event }: { event: AuditLogTable_EventFragment }) {
  if (event.actor) {
    return (
      <>
        {event.actor.username}
        {event.actor.account_type === 'SERVICE' ? <Secondary>Service account</Secondary> : null}
      </>
    );
  }
  // An account removed since, or a failed sign-in for an email nobody has.
  return (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {event.actor_id ? 'Removed account' : 'Unknown'}
    </Box>
  );
}

/** Under the action: why it followed from another change, when it did (for an edit: what it changed). */
function Cause({ cause, action }: { cause: string | null | undefined; action: string }) {
  const label = causeLabel(cause, action);
  return label ? <Secondary>{label}</Secondary> : null;
}

function Target({ event }: { event: AuditLogTable_EventFragment }) {
  const text = targetText(event.action, event.target_name);
  const type = targetTypeLabel(event.target_type);
  const detail = detailText(event.action, event.detail);
  if (!text)
    return type ? (
      <Box component="span">{type}</Box>
    ) : (
      <Box component="span" sx={{ color: 'text.secondary' }}>
        —
      </Box>
    );
  return (
    <>
      {/* Names are whatever people typed: React renders them as text, never as markup. */}
      <Box component="span" sx={{ wordBreak: 'break-word' }}>
        {text}
      </Box>
      {type ? <Secondary>{type}</Secondary> : null}
      {detail ? <Secondary>{detail}</Secondary> : null}
    </>
  );
}

export interface AuditLogTableProps {
  events: AuditLogTable_EventFragment[];
  now: Date;
}

function SourceAddress({ address }: { address: string | null | undefined }) {
  return address ? (
    <Box component="span" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
      {address}
    </Box>
  ) : (
    <Box component="span" sx={{ color: 'text.secondary' }}>
      —
    </Box>
  );
}

/** Newest first; every row is one recorded action. On phones, one stacked item per event. */
export function AuditLogTable({ events, now }: AuditLogTableProps) {
  const phone = usePhoneLayout();
  if (phone) {
    const items = events.map((event) => ({
      id: event.id,
      title: (
        <>
          {actionLabel(event.action)}
          <Cause cause={event.cause} action={event.action} />
        </>
      ),
      details: [
        { label: 'Time', value: <DateTime iso={event.created} format="since" now={now} /> },
        { label: 'Actor', value: <Actor event={event} /> },
        { label: 'Target', value: <Target event={event} /> },
        { label: 'Source address', value: <SourceAddress address={event.source_address} /> },
      ],
    }));
    return <StackedList items={items} label="Audit events" />;
  }
  return (
    <TableContainer>
      <Table aria-label="Audit events" size="small">
        <TableHead>
          <TableRow>
            {COLUMNS.map((label) => (
              <TableCell key={label} sx={{ whiteSpace: 'nowrap', fontWeight: 600 }}>
                {label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map((event) => (
            <TableRow key={event.id} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <DateTime iso={event.created} format="since" now={now} />
              </TableCell>
              <TableCell component="th" scope="row" sx={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
                {actionLabel(event.action)}
                <Cause cause={event.cause} action={event.action} />
              </TableCell>
              <TableCell>
                <Actor event={event} />
              </TableCell>
              <TableCell>
                <Target event={event} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <SourceAddress address={event.source_address} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
