import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateTime } from '../../components/date-time';
import { EmptyState } from '../../components/empty-state';
import { TableSkeleton } from '../../components/loading-skeleton';
import { QueryError } from '../../components/query-error';
import { SuccessSnackbar } from '../../components/success-snackbar';
import { graphql } from '../../gql';
import type { WebhooksSectionQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { useNow } from '../../lib/use-now';
import { AddWebhookDialog } from './add-webhook-dialog';
import { DeliveryStatus } from './delivery-status';
import { SettingsSection } from './settings-section';
import { useDeleteWebhook, useSendTestWebhook, useSetWebhookEnabled } from './use-webhooks';
import { WebhookDeliveriesDialog } from './webhook-deliveries-dialog';

export const WebhooksSectionQueryDocument = graphql(`
  query WebhooksSection($tenant: UUID) {
    webhook(tenant_id: $tenant) {
      id
      url
      events
      enabled
      created
      updated
      last_delivery_status
      last_delivery_at
    }
  }
`);

type Webhook = WebhooksSectionQuery['webhook'][number];

/** Team › Settings › Webhooks: the tenant's webhooks, adding one (its secret shown once), enabling, testing, deleting, and each one's deliveries. Loaded lazily with the settings. */
export function WebhooksSection({ tenantId }: { tenantId: string }) {
  const { data, error, loading, refetch } = useQuery(WebhooksSectionQueryDocument, { variables: { tenant: tenantId } });
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [remove, removal] = useDeleteWebhook();
  const webhooks = data?.webhook;

  let body;
  if (error && !webhooks) body = <QueryError title="Could not load the webhooks" error={error} onRetry={() => void refetch()} />;
  else if (!webhooks || (loading && !webhooks)) body = <TableSkeleton label="Loading webhooks" rows={2} columns={3} />;
  else if (webhooks.length === 0)
    body = (
      <EmptyState
        title="No webhooks yet"
        description="Add one to have Keyplane post signed events to your endpoint when keys, service accounts or members change."
      />
    );
  else
    body = (
      <Stack spacing={1.5} component="ul" aria-label="Webhooks" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {webhooks.map((webhook) => (
          <WebhookRow
            key={webhook.id}
            webhook={webhook}
            onDelete={() => setDeleting(webhook)}
            onDeliveries={() => setViewing(webhook)}
            onMessage={setMessage}
          />
        ))}
      </Stack>
    );

  return (
    <SettingsSection
      title="Webhooks"
      description={
        <>
          Keyplane posts a signed JSON event to each webhook when an API key is created, revoked or rotated, and when service accounts and members change.
          Receivers check the Keyplane-Signature header with the webhook's secret.
        </>
      }
    >
      <Box sx={{ mb: 2 }}>
        <Button variant="contained" onClick={() => setAdding(true)}>
          Add webhook
        </Button>
      </Box>
      {body}
      <AddWebhookDialog open={adding} tenantId={tenantId} onClose={() => setAdding(false)} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete webhook?"
        confirmLabel="Delete"
        busyLabel="Deleting…"
        destructive
        busy={removal.loading}
        error={removal.error ? errorMessage(removal.error) : null}
        onClose={() => {
          setDeleting(null);
          removal.reset();
        }}
        onConfirm={() => {
          if (!deleting) return;
          void remove(deleting.id).then(
            () => {
              setDeleting(null);
              setMessage('Webhook deleted.');
            },
            () => undefined,
          );
        }}
      >
        Events will no longer be sent to <strong>{deleting?.url}</strong>, and its delivery history is deleted. It cannot be undone.
      </ConfirmDialog>
      {viewing ? <WebhookDeliveriesDialog webhook={viewing} onClose={() => setViewing(null)} /> : null}
      <SuccessSnackbar message={message} onClose={() => setMessage(null)} />
    </SettingsSection>
  );
}

function WebhookRow({
  webhook,
  onDelete,
  onDeliveries,
  onMessage,
}: {
  webhook: Webhook;
  onDelete: () => void;
  onDeliveries: () => void;
  onMessage: (message: string) => void;
}) {
  const now = useNow();
  const [setEnabled, toggling] = useSetWebhookEnabled();
  const [sendTest, testing] = useSendTestWebhook();
  return (
    <Box component="li" aria-label={webhook.url} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', flex: '1 1 16rem' }}>{webhook.url}</Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
          <FormControlLabel
            control={
              <Switch
                checked={webhook.enabled}
                disabled={toggling.loading}
                onChange={(event) =>
                  void setEnabled(webhook.id, event.target.checked).then(
                    () => undefined,
                    () => onMessage('Could not change the webhook.'),
                  )
                }
              />
            }
            label="Enabled"
          />
          <Tooltip title="Delete webhook">
            <IconButton aria-label={`Delete webhook ${webhook.url}`} onClick={onDelete}>
              <DeleteOutlinedIcon />
            </IconButton>
          </Tooltip>
        </Box>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, my: 1 }} aria-label="Events">
        {webhook.events.map((event) => (
          <Chip key={event} size="small" label={event} />
        ))}
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
          Last delivery:
        </Typography>
        {webhook.last_delivery_status && webhook.last_delivery_at ? (
          <>
            <DeliveryStatus status={webhook.last_delivery_status} />
            <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
              <DateTime iso={webhook.last_delivery_at} format="since" now={now} />
            </Typography>
          </>
        ) : (
          <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
            None yet
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        <Button
          size="small"
          disabled={testing.loading}
          onClick={() =>
            void sendTest(webhook.id).then(
              () => onMessage('Test event queued.'),
              () => onMessage('Could not send a test event.'),
            )
          }
        >
          Send test
        </Button>
        <Button size="small" variant="outlined" onClick={onDeliveries}>
          Deliveries
        </Button>
      </Box>
    </Box>
  );
}
