import { lazyNamed } from '../../lib/lazy';
import { LazyDialogSlot } from '../lazy-dialog-slot';
import type { RotatableKey } from './rotate-key-dialog';

const RotateKeyDialog = lazyNamed(() => import('./rotate-key-dialog'), 'RotateKeyDialog');

/** Fetches the rotate dialog's code; call it when the pointer or focus reaches a list of keys. */
export const preloadRotateKeyDialog = () => void RotateKeyDialog.preload().catch(() => undefined);

/** Where both key lists put the rotate dialog. */
export function RotateKeySlot({ apiKey, onClose }: { apiKey: RotatableKey | null; onClose: () => void }) {
  return (
    <LazyDialogSlot open={apiKey !== null}>
      <RotateKeyDialog apiKey={apiKey} onClose={onClose} />
    </LazyDialogSlot>
  );
}
