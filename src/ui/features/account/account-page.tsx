import { useQuery } from '@apollo/client/react';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { TableSkeleton } from '../../components/loading-skeleton';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { graphql } from '../../gql';
import { usePageTitle } from '../../lib/use-page-title';
import { ChangePasswordForm } from './change-password-form';
import { DisplayNameForm } from './display-name-form';
import { SessionsList } from './sessions-list';

const AccountPageQuery = graphql(`
  query AccountPage {
    user {
      id
      email
      first_name
      last_name
    }
    my_sessions {
      ...SessionsList_session
    }
  }
`);

function Section({ title, id, description, children }: { title: string; id: string; description: ReactNode; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
      <Typography id={id} variant="h2" sx={{ fontSize: '1.25rem', mb: 0.5 }}>
        {title}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
        {description}
      </Typography>
      {children}
    </Paper>
  );
}

/** User › Account: the signed-in person's password, browser sessions and display name. */
export function AccountPage() {
  usePageTitle('Account');
  const { data, previousData, error, refetch } = useQuery(AccountPageQuery);
  const shown = data ?? previousData;
  const me = shown?.user[0];

  return (
    <>
      <PageHeader section="User" title="Account" description="Your password, where you are signed in, and the name others see." />
      {error && !shown ? (
        <QueryError title="Your account could not be loaded" error={error} onRetry={() => void refetch()} />
      ) : !shown || !me ? (
        <TableSkeleton label="Loading your account" rows={3} columns={2} />
      ) : (
        <Stack spacing={3} sx={{ maxWidth: 720 }}>
          <Section
            title="Change password"
            id="account-password"
            description="When it changes, every other browser signed in to your account is signed out. API keys keep working."
          >
            <ChangePasswordForm email={me.email ?? null} />
          </Section>
          <Section title="Your sessions" id="account-sessions" description="The browsers signed in to your account. Sign out of any you do not recognise.">
            <SessionsList sessions={shown.my_sessions} />
          </Section>
          <Section title="Display name" id="account-name" description="Your first and last name.">
            <DisplayNameForm key={me.id} firstName={me.first_name ?? ''} lastName={me.last_name ?? ''} />
          </Section>
        </Stack>
      )}
    </>
  );
}
