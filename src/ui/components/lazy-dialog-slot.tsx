import { Suspense, type ReactNode } from 'react';
import { useMountedOnceWanted } from '../lib/use-mounted-once-wanted';
import { DialogLoading } from './dialog-loading';

/**
 * Where a lazily loaded dialog goes. Declare the dialog with lazyNamed() (and preload it
 * when the pointer or focus reaches the button that opens it); this mounts it at its
 * first opening, shows DialogLoading while its code arrives, and keeps it mounted
 * afterwards so it animates closed. The dialog itself takes `open`.
 */
export function LazyDialogSlot({ open, children }: { open: boolean; children: ReactNode }) {
  const mounted = useMountedOnceWanted(open);
  if (!mounted) return null;
  return <Suspense fallback={open ? <DialogLoading /> : null}>{children}</Suspense>;
}
