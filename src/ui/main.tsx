import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startFirstPageQueries } from './app/first-page-data';
import { createApolloClients } from './lib/apollo';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The clients exist before the first render so the first page's data can be asked for now.
const clients = createApolloClients();
startFirstPageQueries(clients, window.location);

createRoot(container).render(
  <StrictMode>
    <App clients={clients} />
  </StrictMode>,
);
