import { useEffect } from 'react';
import { NavigationType, useBlocker, type Blocker, type BlockerFunction } from 'react-router-dom';

/**
 * While `active`, leaving the page asks first: the browser's own prompt for a reload,
 * closing the tab or typing an address (`beforeunload`), and a blocker for the app's
 * navigations (Back, Forward, links, the tenant switcher), which the caller answers with
 * its own dialog: `blocker.state === 'blocked'`, then `proceed()` or `reset()`.
 *
 * A replace that keeps the path is let through: that is a page correcting its own
 * address (a page past the end moved back), not the person going anywhere.
 */
export function useLeaveGuard(active: boolean): Blocker {
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium and Safari still need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);

  const shouldBlock: BlockerFunction = ({ currentLocation, nextLocation, historyAction }) => {
    if (!active) return false;
    if (currentLocation.pathname === nextLocation.pathname && currentLocation.search === nextLocation.search) return false;
    return !(historyAction === NavigationType.Replace && currentLocation.pathname === nextLocation.pathname);
  };
  return useBlocker(shouldBlock);
}
