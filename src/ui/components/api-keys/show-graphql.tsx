import { useState } from 'react';
import { print, type DocumentNode } from 'graphql';
import { useApolloClient } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CodeIcon from '@mui/icons-material/Code';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { CodeBlock } from './code-block';
import { CopyButton } from '../copy-button';
import { paths } from '../../lib/paths';

/**
 * A link to GraphiQL with the operation in the URL (the convention of GraphiQL's own examples).
 * Mercurius' GraphiQL ignores URL parameters, so `seedGraphiql` also puts the operation where
 * GraphiQL restores its editors from: localStorage ("graphiql:query" / "graphiql:variables").
 */
export function graphiqlHref(query: string, variables: unknown): string {
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables, null, 2) });
  return `${paths.graphiql.href()}?${params.toString()}`;
}

export function seedGraphiql(query: string, variables: unknown): void {
  try {
    localStorage.setItem('graphiql:query', query);
    localStorage.setItem('graphiql:variables', JSON.stringify(variables, null, 2));
    // Browser sessions need the CSRF header; keep headers the user already set (they may hold a key).
    if (!localStorage.getItem('graphiql:headers')) {
      localStorage.setItem('graphiql:headers', JSON.stringify({ 'X-Keyplane-CSRF': '1' }, null, 2));
    }
  } catch {
    // Storage may be disabled; the link still opens GraphiQL.
  }
}

export interface ShowGraphqlProps {
  /** The operation the dialog is about to send. */
  document: DocumentNode;
  /** Its variables; must never contain a key. */
  variables: Record<string, unknown>;
}

/** "Show GraphQL": the exact operation and variables, to copy or open in GraphiQL. */
export function ShowGraphql({ document, variables }: ShowGraphqlProps) {
  const [open, setOpen] = useState(false);
  const client = useApolloClient();
  // What Apollo Client actually sends: the cache's transform adds __typename fields.
  const query = print(client.documentTransform.transformDocument(client.cache.transformDocument(document)));
  const variablesText = JSON.stringify(variables, null, 2);
  const body = JSON.stringify({ query, variables });
  const operation = (document.definitions[0] as { operation?: string }).operation;
  const panelId = `show-graphql-${(document.definitions[0] as { name?: { value: string } }).name?.value ?? 'op'}`;
  return (
    <Box>
      <Button size="small" startIcon={<CodeIcon />} onClick={() => setOpen((v) => !v)} aria-expanded={open} aria-controls={panelId}>
        {open ? 'Hide GraphQL' : 'Show GraphQL'}
      </Button>
      <Collapse in={open} unmountOnExit>
        <Stack id={panelId} spacing={1.5} sx={{ mt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            This is the request {operation === 'query' ? 'the page' : 'the button'} sends to <code>/graphql</code>. Script it with any GraphQL client.
          </Typography>
          <CodeBlock title={operation === 'query' ? 'Query' : 'Mutation'} code={query} />
          <CodeBlock title="Variables" code={variablesText} />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <CopyButton value={body} size="small" />
            <Link
              href={graphiqlHref(query, variables)}
              target="_blank"
              rel="noopener"
              onClick={() => seedGraphiql(query, variables)}
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
            >
              Open in GraphiQL
              <OpenInNewIcon fontSize="inherit" aria-hidden />
            </Link>
          </Stack>
        </Stack>
      </Collapse>
    </Box>
  );
}
