import { useEffect, useRef } from 'react';

/**
 * Refetches when the user comes back to the tab (it becomes visible, or the window gets
 * focus): a key used from a terminal a few seconds ago then shows "Just now" under Last
 * used, instead of what the list said when it was first loaded. At most once per
 * `minIntervalMs`, as focus and visibility often change together.
 */
export function useRefetchOnReturn(refetch: () => unknown, minIntervalMs = 2_000): void {
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  useEffect(() => {
    let last = 0;
    const onReturn = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < minIntervalMs) return;
      last = Date.now();
      latest.current();
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [minIntervalMs]);
}
