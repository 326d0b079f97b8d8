import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { ConfirmDialog } from '../confirm-dialog';
import { KeyReveal } from './key-reveal';

export interface CreatedKey {
  id: string;
  name: string;
  /** The key itself, held only in React state. */
  key: string;
}

interface NewKeyDialogProps {
  open: boolean;
  created: CreatedKey;
  onClose: () => void;
  onExited: () => void;
}

/**
 * "Your API key has been created": the key shown once, and a guard before closing
 * while it has not been copied (once copied, Done closes at once).
 */
export function NewKeyDialog({ open, created, onClose, onExited }: NewKeyDialogProps) {
  const [copied, setCopied] = useState(false);
  const [guarding, setGuarding] = useState(false);
  const requestClose = () => (copied ? onClose() : setGuarding(true));

  return (
    <Dialog open={open} onClose={requestClose} fullWidth maxWidth="sm" slotProps={{ transition: { onExited } }}>
      <DialogTitle>Your API key has been created</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          <strong>{created.name}</strong> is ready.
        </DialogContentText>
        <KeyReveal apiKey={created.key} onCopied={() => setCopied(true)} />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" onClick={requestClose}>
          Done
        </Button>
      </DialogActions>
      <ConfirmDialog
        open={guarding}
        title="Close without copying the key?"
        confirmLabel="Close without copying"
        cancelLabel="Go back"
        destructive
        focusCancel
        onConfirm={onClose}
        onClose={() => setGuarding(false)}
      >
        You have not copied this key. Once this dialog closes, the key cannot be shown again; you would have to create a new one.
      </ConfirmDialog>
    </Dialog>
  );
}
