import { ApolloProvider } from '@apollo/client/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { ReactNode } from 'react';
import type { ApolloClients } from '../lib/apollo';
import { ApolloClientsContext } from '../lib/apollo-clients-context';
import { theme } from '../lib/theme';

interface AppProvidersProps {
  clients: ApolloClients;
  children: ReactNode;
}

/** Everything a page needs around it except the router. */
export function AppProviders({ clients, children }: AppProvidersProps) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <ApolloClientsContext.Provider value={clients}>
        <ApolloProvider client={clients.root}>{children}</ApolloProvider>
      </ApolloClientsContext.Provider>
    </ThemeProvider>
  );
}
