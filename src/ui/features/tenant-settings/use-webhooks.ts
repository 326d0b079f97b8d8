import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { evictRootFields } from '../../lib/cache';

// One hook per webhook mutation, each owning its cache update: the list (and a
// webhook's deliveries) are dropped from the cache, so the views showing them refetch.

export const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($input: create_webhook_input!) {
    create_webhook(input: $input) {
      id
      secret
    }
  }
`);

export const UpdateWebhookMutation = graphql(`
  mutation UpdateWebhook($input: update_webhook_input!) {
    update_webhook(input: $input) {
      id
      url
      events
      enabled
      updated
    }
  }
`);

export const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($input: delete_webhook_input!) {
    delete_webhook(input: $input) {
      success
    }
  }
`);

export const RedeliverWebhookDeliveryMutation = graphql(`
  mutation RedeliverWebhookDelivery($input: redeliver_webhook_delivery_input!) {
    redeliver_webhook_delivery(input: $input) {
      id
      status
    }
  }
`);

export const SendTestWebhookMutation = graphql(`
  mutation SendTestWebhook($input: send_test_webhook_input!) {
    send_test_webhook(input: $input) {
      id
      status
    }
  }
`);

/** Creates a webhook; resolves to its id and its secret (kept in React state only, shown once). */
export function useCreateWebhook() {
  const [mutate, state] = useMutation(CreateWebhookMutation, { fetchPolicy: 'no-cache' });
  const create = useCallback(
    async (input: { tenant_id: string; url: string; events: string[] }) => {
      const result = await mutate({ variables: { input }, update: (cache) => evictRootFields(cache, 'webhook') });
      const created = result.data?.create_webhook;
      if (!created) throw new Error('The server did not return the new webhook.');
      return created;
    },
    [mutate],
  );
  return [create, state] as const;
}

/** Enables or disables a webhook; the answer updates the cached webhook in place. */
export function useSetWebhookEnabled() {
  const [mutate, state] = useMutation(UpdateWebhookMutation);
  const setEnabled = useCallback((webhookId: string, enabled: boolean) => mutate({ variables: { input: { webhook_id: webhookId, enabled } } }), [mutate]);
  return [setEnabled, state] as const;
}

export function useDeleteWebhook() {
  const [mutate, state] = useMutation(DeleteWebhookMutation);
  const remove = useCallback(
    (webhookId: string) => mutate({ variables: { input: { webhook_id: webhookId } }, update: (cache) => evictRootFields(cache, 'webhook') }),
    [mutate],
  );
  return [remove, state] as const;
}

/** Queues a delivery again, or a test event; the deliveries (and the list's last status) refetch. */
export function useRedeliver() {
  const [mutate, state] = useMutation(RedeliverWebhookDeliveryMutation);
  const redeliver = useCallback(
    (deliveryId: string) =>
      mutate({
        variables: { input: { delivery_id: deliveryId } },
        update: (cache) => evictRootFields(cache, 'webhook', 'webhook_delivery', 'webhook_delivery_aggregate'),
      }),
    [mutate],
  );
  return [redeliver, state] as const;
}

export function useSendTestWebhook() {
  const [mutate, state] = useMutation(SendTestWebhookMutation);
  const send = useCallback(
    (webhookId: string) =>
      mutate({
        variables: { input: { webhook_id: webhookId } },
        update: (cache) => evictRootFields(cache, 'webhook', 'webhook_delivery', 'webhook_delivery_aggregate'),
      }),
    [mutate],
  );
  return [send, state] as const;
}
