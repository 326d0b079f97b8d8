import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';

/** A short-lived confirmation after an action, e.g. 'API key "laptop" revoked'. */
export function SuccessSnackbar({ message, onClose }: { message: string | null; onClose: () => void }) {
  return (
    <Snackbar
      open={message !== null}
      autoHideDuration={5000}
      onClose={(_, reason) => reason !== 'clickaway' && onClose()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
    >
      <Alert severity="success" variant="filled" onClose={onClose}>
        {message}
      </Alert>
    </Snackbar>
  );
}
