import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { DateTime } from '../../components/date-time';
import { SuccessSnackbar } from '../../components/success-snackbar';
import { graphql } from '../../gql';
import type { SessionsList_SessionFragment } from '../../gql/graphql';
import { describeProblem } from '../../lib/errors';
import { useNow } from '../../lib/use-now';
import { useDeleteSession } from './use-delete-session';
import { SignOutOthersDialog } from './sign-out-others-dialog';

graphql(`
  fragment SessionsList_session on user_session {
    id
    created
    last_seen
    expires_at
    current
  }
`);

/** The account's browser sessions, this one first; any other can be signed out, or all of them at once once confirmed. */
export function SessionsList({ sessions }: { sessions: readonly SessionsList_SessionFragment[] }) {
  const now = useNow();
  const [signOut, { loading: signingOut }] = useDeleteSession();
  // The sessions as they were when the dialog opened: the list refetches under it once they end.
  const [confirming, setConfirming] = useState<readonly SessionsList_SessionFragment[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ordered = [...sessions].sort((a, b) => Number(b.current) - Number(a.current));
  const others = ordered.filter((s) => !s.current);

  const run = async (action: () => Promise<string>) => {
    setProblem(null);
    try {
      setDone(await action());
    } catch (error) {
      setProblem(describeProblem(error).message);
    }
  };

  return (
    <Stack spacing={2}>
      {problem ? <Alert severity="error">{problem}</Alert> : null}
      <List disablePadding aria-label="Your sessions">
        {ordered.map((session) => (
          <ListItem
            key={session.id}
            divider
            disableGutters
            secondaryAction={
              session.current ? null : (
                <Button size="small" disabled={signingOut} onClick={() => void run(async () => (await signOut(session.id), 'Session signed out.'))}>
                  Sign out
                </Button>
              )
            }
            sx={{ pr: session.current ? 0 : 11, flexWrap: 'wrap' }}
          >
            <ListItemText
              primary={
                <>
                  <DateTime iso={session.created} format="since" now={now} prefix="Signed in " />
                  {session.current ? <Chip label="This browser" size="small" color="primary" variant="outlined" sx={{ ml: 1 }} /> : null}
                </>
              }
              secondary={<DateTime iso={session.last_seen} format="since" now={now} prefix="Last active " />}
            />
          </ListItem>
        ))}
      </List>
      <div>
        <Button variant="outlined" color="error" disabled={others.length === 0} onClick={() => setConfirming(others)}>
          Sign out of all other sessions
        </Button>
      </div>
      <SignOutOthersDialog
        sessions={confirming}
        onClose={() => setConfirming(null)}
        onSignedOut={(ended) => {
          setConfirming(null);
          setProblem(null);
          setDone(ended === 1 ? 'Signed out of 1 other session.' : `Signed out of ${ended} other sessions.`);
        }}
      />
      <SuccessSnackbar message={done} onClose={() => setDone(null)} />
    </Stack>
  );
}
