import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import type { ApolloClients } from '../lib/apollo';
import { AppProviders } from './providers';
import { routes } from './routes';

export function App({ clients }: { clients: ApolloClients }) {
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <AppProviders clients={clients}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
