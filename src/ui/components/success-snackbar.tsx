import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';

export interface SnackbarAction {
  label: string;
  onClick: () => void;
}

/**
 * A short-lived confirmation after an action, e.g. 'API key "laptop" revoked', with an
 * optional action ("Show it"), which closes it too. With an action it stays longer, so
 * there is time to reach the button.
 */
export function SuccessSnackbar({ message, action, onClose }: { message: string | null; action?: SnackbarAction | null; onClose: () => void }) {
  return (
    <Snackbar
      open={message !== null}
      autoHideDuration={action ? 10_000 : 5000}
      onClose={(_, reason) => reason !== 'clickaway' && onClose()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
    >
      <Alert
        severity="success"
        variant="filled"
        onClose={onClose}
        action={
          action ? (
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                action.onClick();
                onClose();
              }}
            >
              {action.label}
            </Button>
          ) : undefined
        }
      >
        {message}
      </Alert>
    </Snackbar>
  );
}
