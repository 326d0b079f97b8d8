import { lazyNamed } from '../../lib/lazy';
import { LazyDialogSlot } from '../lazy-dialog-slot';
import type { RevokableKey } from './revoke-key-dialog';

const RevokeKeyDialog = lazyNamed(() => import('./revoke-key-dialog'), 'RevokeKeyDialog');

/** Fetches the revoke dialog's code; call it when the pointer or focus reaches a list of keys. */
export const preloadRevokeKeyDialog = () => void RevokeKeyDialog.preload().catch(() => undefined);

interface RevokeKeySlotProps {
  /** The key to revoke; null keeps the dialog closed. */
  apiKey: RevokableKey | null;
  onClose: () => void;
  /** After the server confirmed: the words for the page's snackbar. */
  onNotice: (message: string) => void;
}

/** Where both key lists put the revoke dialog: it closes and says so once the key is revoked. */
export function RevokeKeySlot({ apiKey, onClose, onNotice }: RevokeKeySlotProps) {
  return (
    <LazyDialogSlot open={apiKey !== null}>
      <RevokeKeyDialog
        apiKey={apiKey}
        onClose={onClose}
        onRevoked={(key) => {
          onClose();
          onNotice(`API key "${key.name}" revoked`);
        }}
      />
    </LazyDialogSlot>
  );
}
