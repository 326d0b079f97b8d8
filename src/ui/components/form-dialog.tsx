import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useId, type FormEvent, type ReactNode } from 'react';

export interface FormDialogProps {
  open: boolean;
  title: ReactNode;
  /** What the form does, read out with the dialog's name. */
  description?: ReactNode;
  /** The fields. */
  children: ReactNode;
  /** A problem that belongs to no single field, e.g. the server's refusal. */
  error?: string | null;
  submitLabel: string;
  /** The submit button's words while the request is under way ("Creating…"). */
  busyLabel?: string;
  busy?: boolean;
  /** Blocks submitting (the form's own checks failed), on top of `busy`. */
  submitDisabled?: boolean;
  /** react-hook-form's handleSubmit(…), or any handler; a returned promise is left to it. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void | Promise<void>;
  /** Cancel, Escape and the backdrop; ignored while busy so a request is never abandoned half-way. */
  onClose: () => void;
  /** After the closing animation: reset the form here. */
  onExited?: () => void;
  maxWidth?: 'xs' | 'sm';
  /** Red submit button for what cannot be undone. */
  destructive?: boolean;
}

/**
 * Every form in a dialog: title, description, fields, one alert for problems no field
 * owns, and Cancel / Submit. The paper is the <form>, so Enter in any field submits;
 * noValidate, because the fields show the shared rules' messages, not the browser's.
 */
export function FormDialog({
  open,
  title,
  description,
  children,
  error,
  submitLabel,
  busyLabel,
  busy = false,
  submitDisabled = false,
  onSubmit,
  onClose,
  onExited,
  maxWidth = 'sm',
  destructive = false,
}: FormDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      fullWidth
      maxWidth={maxWidth}
      slotProps={{
        paper: { component: 'form', onSubmit: (event: FormEvent<HTMLFormElement>) => void onSubmit(event), noValidate: true } as object,
        transition: { onExited },
      }}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          {description ? <DialogContentText id={descriptionId}>{description}</DialogContentText> : null}
          {children}
          {error ? <Alert severity="error">{error}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" color={destructive ? 'error' : 'primary'} disabled={busy || submitDisabled}>
          {busy && busyLabel ? busyLabel : submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
