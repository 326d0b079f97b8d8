import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { isRouteErrorResponse, Link as RouterLink, Navigate, useLocation, useRouteError } from 'react-router-dom';
import { describeError } from '../lib/errors';
import { paths } from '../lib/paths';
import { usePageTitle } from '../lib/use-page-title';

/**
 * Turns an error thrown while rendering a route into a page: UNAUTHENTICATED goes to
 * sign-in (and back here afterwards), FORBIDDEN and NOT_FOUND get plain messages.
 */
interface RouteErrorBoundaryProps {
  /** Outside the app layout the message is the page's main landmark. */
  standalone?: boolean;
}

export function RouteErrorBoundary({ standalone = false }: RouteErrorBoundaryProps) {
  const error = useRouteError();
  const location = useLocation();

  if (isRouteErrorResponse(error) && error.status === 404) {
    return <ErrorPage standalone={standalone} title="Page not found" message="There is nothing at this address." />;
  }

  if (isStaleChunkError(error) && reloadOnceForNewVersion()) return null;

  const detail = describeError(error);
  switch (detail.code) {
    case 'UNAUTHENTICATED':
      return <Navigate to={paths.signIn.href(location.pathname + location.search)} replace />;
    case 'FORBIDDEN':
      return (
        <ErrorPage
          standalone={standalone}
          title="You don't have access to this"
          message={`${detail.message} Ask an administrator of this tenant if you need access.`}
        />
      );
    case 'NOT_FOUND':
      return <ErrorPage standalone={standalone} title="Not found" message={`${detail.message} It may have been removed.`} />;
    default:
      if (import.meta.env.DEV) console.error(error);
      return <ErrorPage standalone={standalone} title="Something went wrong" message="This page could not be shown. Reloading usually helps." retry />;
  }
}

/** A lazy page's file is gone: the server was updated since this tab loaded. */
function isStaleChunkError(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|Importing a module script failed|error loading dynamically imported/i.test(error.message);
}

/** Reloads to fetch the new version, at most once a minute so a real outage still shows an error. */
function reloadOnceForNewVersion(): boolean {
  const key = 'keyplane:reloaded-for-new-version';
  const last = Number(sessionStorage.getItem(key) ?? 0);
  if (Date.now() - last < 60_000) return false;
  sessionStorage.setItem(key, String(Date.now()));
  window.location.reload();
  return true;
}

interface ErrorPageProps {
  title: string;
  message: string;
  retry?: boolean;
  standalone: boolean;
}

function ErrorPage({ title, message, retry = false, standalone }: ErrorPageProps) {
  usePageTitle(title);
  return (
    <Box component={standalone ? 'main' : 'div'} sx={{ p: { xs: 2, sm: 4 }, maxWidth: 640, mx: 'auto' }}>
      <Alert severity={retry ? 'error' : 'warning'}>
        <AlertTitle component="h1" sx={{ fontSize: '1.25rem' }}>
          {title}
        </AlertTitle>
        {message}
      </Alert>
      <Box sx={{ mt: 2, display: 'flex', gap: 1 }}>
        {retry ? (
          <Button variant="contained" onClick={() => window.location.reload()}>
            Reload
          </Button>
        ) : null}
        <Button component={RouterLink} to={paths.home.href()}>
          Go to my tenant
        </Button>
      </Box>
    </Box>
  );
}
