import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startFirstPageQueries } from './app/first-page-data';
import { createApolloClients } from './lib/apollo';
import { earlyResponsesArrived } from './lib/early-responses';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The clients exist before the first render so the first page's data can be asked for now.
const clients = createApolloClients();
const firstPageData = startFirstPageQueries(clients, window.location);
// When index.html's early requests have all been answered (a cold load of the keys page),
// the data is in Apollo's cache within a few milliseconds: render once with it instead of
// a skeleton first and the page a render later (each ~0.4 s of main thread at 4x CPU
// throttle). The wait is capped, in case a step is slower than it should be.
// (Not a top-level await: with one, the bundler split the entry into ~90 chunks.)
const render = () =>
  createRoot(container).render(
    <StrictMode>
      <App clients={clients} />
    </StrictMode>,
  );
if (earlyResponsesArrived()) void Promise.race([firstPageData, new Promise((resolve) => setTimeout(resolve, 300))]).then(render);
else render();
