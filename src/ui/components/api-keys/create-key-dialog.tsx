import { useState } from 'react';
import { CreateKeyForm, type CreateKeyFormProps } from './create-key-form';
import { NewKeyDialog, type CreatedKey } from './new-key-dialog';

export interface CreateKeyDialogTenant {
  id: string;
  name: string;
  slug: string;
  /** The owner's role there: the new key's role can be at most this. */
  role?: string;
}

export interface CreateKeyDialogProps extends Omit<CreateKeyFormProps, 'onCreated'> {
  open: boolean;
  /** Called once the dialog may close (after the close guard, when a key was shown). */
  onClose: () => void;
  /** As soon as the server created the key: its id and name, never the key itself. */
  onCreated?: (created: { id: string; name: string }) => void;
}

/**
 * "Create an API Key": the form (create-key-form.tsx), then the one-time view of the new
 * key with its close guard (new-key-dialog.tsx). The key lives in this component's
 * state and nowhere else; it is dropped when the dialog has closed.
 */
export function CreateKeyDialog({ open, onClose, onCreated, ...form }: CreateKeyDialogProps) {
  const [created, setCreated] = useState<CreatedKey | null>(null);
  // The dialog stays mounted between openings (and tenant switches): each opening starts a fresh form.
  const [openings, setOpenings] = useState(open ? 1 : 0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setOpenings((n) => n + 1);
  }

  if (created) return <NewKeyDialog open={open} created={created} onClose={onClose} onExited={() => setCreated(null)} />;
  return (
    <CreateKeyForm
      key={openings}
      open={open}
      onClose={onClose}
      onCreated={(key) => {
        setCreated(key);
        onCreated?.({ id: key.id, name: key.name });
      }}
      {...form}
    />
  );
}
