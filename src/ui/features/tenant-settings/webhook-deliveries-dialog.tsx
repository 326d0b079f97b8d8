import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import visuallyHidden from '@mui/utils/visuallyHidden';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DateTime } from '../../components/date-time';
import { EmptyState } from '../../components/empty-state';
import { TableSkeleton } from '../../components/loading-skeleton';
import { QueryError } from '../../components/query-error';
import { TablePageNavigation } from '../../components/table-page-navigation';
import { graphql } from '../../gql';
import { errorMessage } from '../../lib/errors';
import { useLocalPaging } from '../../lib/paging';
import { useNow } from '../../lib/use-now';
import { usePhoneLayout } from '../../lib/use-phone-layout';
import { useRedeliver } from './use-webhooks';
import { DeliveryStatus } from './delivery-status';

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($webhook: UUID!, $limit: Int!, $offset: Int!) {
    webhook_delivery(webhook_id: $webhook, limit: $limit, offset: $offset) {
      id
      event_type
      status
      attempts
      response_status
      duration_ms
      error
      created
      last_attempt_at
    }
    webhook_delivery_aggregate(webhook_id: $webhook) {
      aggregate {
        count
      }
    }
  }
`);

/** A webhook's deliveries, newest first, with a pager and a total; Redeliver on each. */
export function WebhookDeliveriesDialog({ webhook, onClose }: { webhook: { id: string; url: string }; onClose: () => void }) {
  const paging = useLocalPaging();
  const now = useNow();
  const { data, error, refetch } = useQuery(WebhookDeliveriesQuery, {
    variables: { webhook: webhook.id, limit: paging.size, offset: paging.page * paging.size },
    // Attempts happen in the background: a second look shows where they are.
    pollInterval: 5_000,
  });
  const phone = usePhoneLayout();
  const [redeliver, redelivering] = useRedeliver();
  const [queued, setQueued] = useState<string | null>(null);
  const rows = data?.webhook_delivery;
  const redeliverButton = (id: string) => (
    <Button
      size="small"
      disabled={redelivering.loading}
      onClick={() =>
        void redeliver(id).then(
          () => setQueued('Queued again: it is sent in a moment.'),
          (e: unknown) => setQueued(errorMessage(e)),
        )
      }
    >
      Redeliver
    </Button>
  );
  const duration = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : `${ms} ms`);
  const total = data?.webhook_delivery_aggregate.aggregate.count ?? 0;

  let body;
  if (error && !rows) body = <QueryError title="Could not load the deliveries" error={error} onRetry={() => void refetch()} />;
  else if (!rows) body = <TableSkeleton label="Loading deliveries" rows={3} columns={5} />;
  else if (rows.length === 0) body = <EmptyState title="No deliveries yet" description="Events this webhook subscribes to are listed here once they happen." />;
  else if (phone)
    // A phone has no room for six columns: one block per delivery.
    body = (
      <>
        <Box component="ul" aria-label="Deliveries" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {rows.map((delivery) => (
            <Box component="li" key={delivery.id} sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.8rem', flexGrow: 1 }}>
                  {delivery.event_type}
                </Box>
                <DeliveryStatus status={delivery.status} />
              </Box>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', typography: 'body2', color: 'text.secondary' }}>
                <span>Response {delivery.response_status ?? '—'}</span>
                <span>{duration(delivery.duration_ms)}</span>
                <DateTime iso={delivery.last_attempt_at ?? delivery.created} format="since" now={now} />
                <Box sx={{ flexGrow: 1 }} />
                {redeliverButton(delivery.id)}
              </Box>
              {delivery.error ? (
                <Typography variant="caption" component="div" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                  {delivery.error}
                </Typography>
              ) : null}
            </Box>
          ))}
        </Box>
        <TablePageNavigation count={total} paging={paging} />
      </>
    );
  else
    body = (
      <>
        <TableContainer>
          <Table size="small" aria-label="Deliveries">
            <TableHead>
              <TableRow>
                <TableCell>Event</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Response</TableCell>
                <TableCell>Duration</TableCell>
                <TableCell>Time</TableCell>
                <TableCell>
                  <Box component="span" sx={visuallyHidden}>
                    Actions
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((delivery) => (
                <TableRow key={delivery.id}>
                  <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }}>{delivery.event_type}</TableCell>
                  <TableCell>
                    <DeliveryStatus status={delivery.status} />
                    {delivery.error ? (
                      <Typography variant="caption" component="div" sx={{ color: 'text.secondary', maxWidth: 240, wordBreak: 'break-word' }}>
                        {delivery.error}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>{delivery.response_status ?? '—'}</TableCell>
                  <TableCell>{duration(delivery.duration_ms)}</TableCell>
                  <TableCell>
                    <DateTime iso={delivery.last_attempt_at ?? delivery.created} format="since" now={now} />
                  </TableCell>
                  <TableCell>{redeliverButton(delivery.id)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePageNavigation count={total} paging={paging} />
      </>
    );

  return (
    <Dialog open onClose={onClose} aria-labelledby="webhook-deliveries-title" maxWidth="md" fullWidth fullScreen={phone}>
      <DialogTitle id="webhook-deliveries-title">Deliveries</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1, overflowWrap: 'anywhere' }}>
          To {webhook.url}. The newest 100 are kept.
        </Typography>
        {queued ? (
          <Typography role="status" variant="body2" sx={{ mb: 1 }}>
            {queued}
          </Typography>
        ) : null}
        {body}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
