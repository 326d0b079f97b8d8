import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useId, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, naming what it happens to; read out with the dialog's name. */
  children: ReactNode;
  confirmLabel: string;
  /** The confirm button's words while the request is under way ("Revoking…"). */
  busyLabel?: string;
  cancelLabel?: string;
  /** Red confirm button for actions that cannot be undone. */
  destructive?: boolean;
  busy?: boolean;
  /** Shown above the buttons, e.g. the server's reason for refusing. */
  error?: string | null;
  /** More below the description that is not part of it (e.g. Show GraphQL). */
  details?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
  /** After the closing animation. */
  onExited?: () => void;
  maxWidth?: 'xs' | 'sm';
  /** Focus Cancel on opening, so Enter takes the safe way out (the close guard). */
  focusCancel?: boolean;
}

/** Every "are you sure?": title, what will happen, the server's refusal if any, Cancel and the action. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  cancelLabel = 'Cancel',
  destructive = false,
  busy = false,
  error,
  details,
  onConfirm,
  onClose,
  onExited,
  maxWidth = 'xs',
  focusCancel = false,
}: ConfirmDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      fullWidth
      maxWidth={maxWidth}
      slotProps={{ transition: { onExited } }}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText id={descriptionId} component="div">
            {children}
          </DialogContentText>
          {error ? <Alert severity="error">{error}</Alert> : null}
          {details}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy} autoFocus={focusCancel}>
          {cancelLabel}
        </Button>
        <Button onClick={onConfirm} disabled={busy} variant="contained" color={destructive ? 'error' : 'primary'}>
          {busy && busyLabel ? busyLabel : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
