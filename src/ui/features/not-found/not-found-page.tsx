import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { usePageTitle } from '../../lib/use-page-title';
import { paths } from '../../lib/paths';

function NotFoundContent() {
  usePageTitle('Page not found');
  return (
    <>
      <Typography variant="h1">Page not found</Typography>
      <Typography sx={{ mt: 1, color: 'text.secondary' }}>There is nothing at this address. Check the link, or go back to your keys.</Typography>
      <Button component={RouterLink} to={paths.home.href()} variant="contained" sx={{ mt: 3 }}>
        Go to Keyplane
      </Button>
    </>
  );
}

/** A 404 on its own (no app bar). */
export function NotFoundPage() {
  return (
    <Box component="main" sx={{ p: { xs: 2, sm: 4 }, maxWidth: 640, mx: 'auto' }}>
      <NotFoundContent />
    </Box>
  );
}

/** A 404 inside a tenant's layout, which already provides the main landmark. */
export function NotFoundInTenant() {
  return (
    <Box>
      <NotFoundContent />
    </Box>
  );
}
