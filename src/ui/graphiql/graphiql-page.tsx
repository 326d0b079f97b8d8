import { useState } from 'react';
import { GraphiQL } from 'graphiql';
import { MemoryStorage } from './memory-storage';
import { createSessionFetcher } from './session-fetcher';
import type { UrlOperation } from './url-operation';

const DEFAULT_QUERY = `# Keyplane's GraphQL API. Signed in to Keyplane in this browser, you need no key:
# requests use your session. To try a key, type in Headers below:
#   {"Authorization": "Bearer <key>"}
# (kept in this page's memory only: a reload forgets it).
#
# Ctrl-Enter runs the operation; the book icon opens the schema's documentation.

{
  auth_info {
    user_id
    tenant_id
    role
  }
}
`;

const fetcher = createSessionFetcher('/graphql');

export interface GraphiqlPageProps {
  /** The operation a link opened (URL parameters), if any. */
  operation: UrlOperation;
}

/**
 * GraphiQL as Keyplane serves it: the session fetcher, and storage in memory only,
 * so neither the Headers pane nor the tabs and history that copy it are written to
 * localStorage. The settings dialog does not offer to persist headers.
 */
export function GraphiqlPage({ operation }: GraphiqlPageProps) {
  const [storage] = useState(() => new MemoryStorage());
  // A phone shows the docs or history panel in place of the editors (graphiql-page.css).
  const [pluginOpen, setPluginOpen] = useState(false);
  return (
    <div className={pluginOpen ? 'keyplane-graphiql keyplane-graphiql-plugin-open' : 'keyplane-graphiql'}>
      <GraphiQL
        fetcher={fetcher}
        storage={storage}
        shouldPersistHeaders={false}
        showPersistHeadersSettings={false}
        defaultQuery={DEFAULT_QUERY}
        onTogglePluginVisibility={(plugin) => setPluginOpen(plugin !== null)}
        {...operation}
      >
        <GraphiQL.Logo>
          <a className="keyplane-graphiql-home" href="/">
            Keyplane
          </a>{' '}
          GraphiQL
        </GraphiQL.Logo>
      </GraphiQL>
    </div>
  );
}
