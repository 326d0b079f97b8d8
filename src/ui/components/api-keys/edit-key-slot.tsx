import { lazyNamed } from '../../lib/lazy';
import { LazyDialogSlot } from '../lazy-dialog-slot';
import type { EditableKey } from './edit-key-dialog';

const EditKeyDialog = lazyNamed(() => import('./edit-key-dialog'), 'EditKeyDialog');

/** Fetches the edit dialog's code; call it when the pointer or focus reaches a list of keys. */
export const preloadEditKeyDialog = () => void EditKeyDialog.preload().catch(() => undefined);

interface EditKeySlotProps {
  /** The key to edit; null keeps the dialog closed. */
  apiKey: EditableKey | null;
  onClose: () => void;
  /** After the server saved: the words for the page's snackbar. */
  onNotice: (message: string) => void;
}

/** Where both key lists put the edit dialog: it closes and says so once the key is saved. */
export function EditKeySlot({ apiKey, onClose, onNotice }: EditKeySlotProps) {
  return (
    <LazyDialogSlot open={apiKey !== null}>
      <EditKeyDialog
        apiKey={apiKey}
        onClose={onClose}
        onSaved={(name) => {
          onClose();
          onNotice(`API key "${name}" saved`);
        }}
      />
    </LazyDialogSlot>
  );
}
