// GraphiQL at /graphiql: its own Vite entry (graphiql.html), so none of it loads with
// the app, and everything it needs (Monaco and its workers, fonts, styles) is served
// from this origin.
//
// Monaco's editor, JSON and GraphQL workers as files of this origin (Vite `?worker`
// imports), set up before GraphiQL starts Monaco: GraphiQL's own module, so the
// workers match the Monaco version it pins.
import 'graphiql/setup-workers/vite';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './graphiql-page.css';
import { GraphiqlPage } from './graphiql-page';
import { operationFromUrl } from './url-operation';

const container = document.getElementById('graphiql');
if (!container) throw new Error('graphiql.html has no #graphiql element');

createRoot(container).render(
  <StrictMode>
    <GraphiqlPage operation={operationFromUrl(window.location.search)} />
  </StrictMode>,
);
