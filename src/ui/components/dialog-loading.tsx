import Box from '@mui/material/Box';
import { Spinner } from './progress';

/**
 * The Suspense fallback of a lazily loaded dialog: the dimmed page and a spinner where
 * the dialog will be, for the moment its code takes to arrive on the first opening.
 */
export function DialogLoading() {
  return (
    // Backdrop's look without MUI's Backdrop, which would bring its Fade to the page.
    <Box
      sx={{
        position: 'fixed',
        inset: 0,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'rgba(0, 0, 0, 0.5)',
        zIndex: (theme) => theme.zIndex.modal,
      }}
    >
      <Spinner label="Loading" />
    </Box>
  );
}
