import Backdrop from '@mui/material/Backdrop';
import CircularProgress from '@mui/material/CircularProgress';

/**
 * The Suspense fallback of a lazily loaded dialog: the dimmed page and a spinner where
 * the dialog will be, for the moment its code takes to arrive on the first opening.
 */
export function DialogLoading() {
  return (
    <Backdrop open sx={{ zIndex: (theme) => theme.zIndex.modal }}>
      <CircularProgress role="status" aria-label="Loading" />
    </Backdrop>
  );
}
