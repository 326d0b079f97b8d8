import { useState } from 'react';

/**
 * True from the first render in which `wanted` is, and from then on. A lazily loaded
 * menu or dialog mounts at its first opening and then stays, so it can animate closed.
 */
export function useMountedOnceWanted(wanted: boolean): boolean {
  const [mounted, setMounted] = useState(false);
  if (wanted && !mounted) setMounted(true);
  return mounted || wanted;
}
