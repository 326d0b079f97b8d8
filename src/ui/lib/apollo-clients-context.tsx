import { createContext, useContext } from 'react';
import type { ApolloClients } from './apollo';

export const ApolloClientsContext = createContext<ApolloClients | null>(null);

/** The client registry: the root client and the per-tenant clients. */
export function useApolloClients(): ApolloClients {
  const clients = useContext(ApolloClientsContext);
  if (!clients) throw new Error('useApolloClients must be used inside AppProviders');
  return clients;
}
