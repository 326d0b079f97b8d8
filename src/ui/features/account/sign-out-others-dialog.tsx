import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateTime } from '../../components/date-time';
import type { SessionsList_SessionFragment } from '../../gql/graphql';
import { useConfirmedMutation } from '../../lib/use-confirmed-mutation';
import { useNow } from '../../lib/use-now';
import { useRetained } from '../../lib/use-retained';
import { useDeleteOtherSessions } from './use-delete-other-sessions';

/** Sessions named in the dialog: enough to recognise them, not a second copy of a long list. */
const LISTED = 5;

interface SignOutOthersDialogProps {
  /** The sessions other than this browser's; null keeps the dialog closed. */
  sessions: readonly SessionsList_SessionFragment[] | null;
  onClose: () => void;
  /** After the server signed them out, with how many it ended. */
  onSignedOut: (ended: number) => void;
}

const otherSessions = (count: number) => (count === 1 ? '1 other session' : `${count} other sessions`);

/** "Sign out of all other sessions": says how many and which, and signs them out on confirmation. */
export function SignOutOthersDialog({ sessions, onClose, onSignedOut }: SignOutOthersDialogProps) {
  // Keep the sessions while the dialog animates out, so its words do not change mid-fade.
  const shown = useRetained(sessions) ?? [];
  const now = useNow();
  const { error, run, clearError } = useConfirmedMutation(sessions !== null);
  const [signOutOthers, { loading }] = useDeleteOtherSessions();

  const confirm = () => {
    if (loading) return;
    let ended = 0;
    void run(
      async () => {
        ended = await signOutOthers();
      },
      () => onSignedOut(ended),
    );
  };

  return (
    <ConfirmDialog
      open={sessions !== null}
      title={`Sign out of ${otherSessions(shown.length)}?`}
      confirmLabel="Sign out"
      busyLabel="Signing out…"
      destructive
      busy={loading}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
      onExited={clearError}
      maxWidth="sm"
    >
      Every browser signed in to your account except this one will have to sign in again:
      <ul>
        {shown.slice(0, LISTED).map((session) => (
          <li key={session.id}>
            <DateTime iso={session.created} format="since" now={now} prefix="Signed in " />
            {', '}
            <DateTime iso={session.last_seen} format="since" now={now} prefix="last active " />
          </li>
        ))}
        {shown.length > LISTED ? <li>and {shown.length - LISTED} more</li> : null}
      </ul>
    </ConfirmDialog>
  );
}
