import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState, type ReactNode } from 'react';
import { useLeaveGuard } from '../../lib/use-leave-guard';
import { ConfirmDialog } from '../confirm-dialog';
import { roleLabel } from '../../lib/roles';
import { KeyReveal } from './key-reveal';

export interface CreatedKey {
  id: string;
  name: string;
  /** The key itself, held only in React state. */
  key: string;
  /** The key's own role; null or absent: its owner's. */
  role?: string | null;
}

interface NewKeyDialogProps {
  open: boolean;
  created: CreatedKey;
  onClose: () => void;
  onExited: () => void;
  /** The title, when the key is not an API key to use (a canary). */
  title?: string;
  /** Shown instead of how to use the key (KeyReveal's instead). */
  instead?: ReactNode;
}

/**
 * "Your API key has been created": the key shown once, and a guard while it has not
 * been copied (once copied, Done closes at once). The guard covers closing the dialog
 * (Done, Escape, the backdrop) and leaving the page (Back, a link, the tenant switcher,
 * a reload, closing the tab).
 */
export function NewKeyDialog({ open, created, onClose, onExited, title = 'Your API key has been created', instead }: NewKeyDialogProps) {
  const [copied, setCopied] = useState(false);
  const [guarding, setGuarding] = useState(false);
  const blocker = useLeaveGuard(open && !copied);
  // Which question the guard asks, kept while it animates closed.
  const [asking, setAsking] = useState<'close' | 'leave'>('close');
  if (blocker.state === 'blocked' && asking !== 'leave') setAsking('leave');
  const leaving = asking === 'leave';
  const requestClose = () => {
    if (copied) return onClose();
    setAsking('close');
    setGuarding(true);
  };
  const stay = () => {
    setGuarding(false);
    if (blocker.state === 'blocked') blocker.reset();
  };
  const discard = () => {
    setGuarding(false);
    onClose();
    if (blocker.state === 'blocked') blocker.proceed();
  };

  return (
    <Dialog open={open} onClose={requestClose} fullWidth maxWidth="sm" slotProps={{ transition: { onExited } }}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          <strong>{created.name}</strong> is ready.{' '}
          {created.role ? `It acts as ${roleLabel(created.role)} at most, whatever its owner's role.` : "It acts with its owner's role."}
        </DialogContentText>
        <KeyReveal apiKey={created.key} onCopied={() => setCopied(true)} instead={instead} />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" onClick={requestClose}>
          Done
        </Button>
      </DialogActions>
      <ConfirmDialog
        open={guarding || blocker.state === 'blocked'}
        title={leaving ? 'Leave without copying the key?' : 'Close without copying the key?'}
        confirmLabel={leaving ? 'Leave without copying' : 'Close without copying'}
        cancelLabel={leaving ? 'Stay' : 'Go back'}
        destructive
        focusCancel
        onConfirm={discard}
        onClose={stay}
      >
        You have not copied this key. Once {leaving ? 'you leave this page' : 'this dialog closes'}, the key cannot be shown again; you would have to create a
        new one.
      </ConfirmDialog>
    </Dialog>
  );
}
