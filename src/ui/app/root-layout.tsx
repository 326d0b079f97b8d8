import { Outlet, ScrollRestoration } from 'react-router-dom';
import { RouteProgress } from './route-progress';

export function RootLayout() {
  return (
    <>
      <RouteProgress />
      <Outlet />
      <ScrollRestoration />
    </>
  );
}
