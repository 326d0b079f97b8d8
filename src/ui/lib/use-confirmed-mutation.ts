import { useState } from 'react';
import { describeProblem } from './errors';

/** What a confirmation's mutation hook resolves to: the server's refusal in words, or nothing when it was done. */
export type Refusal = string | null | undefined | void;

/**
 * The request behind a ConfirmDialog: `run(action, onDone)` clears the last error, awaits
 * the mutation, and calls `onDone` when it went through; a refusal or an error becomes
 * `error`, in the server's words (describeProblem). The error belongs to one opening: it
 * is gone when the dialog opens again, whether or not its closing animation ran.
 */
export function useConfirmedMutation(open: boolean) {
  const [error, setError] = useState<string | null>(null);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setError(null);
  }

  const run = async (action: () => Promise<Refusal>, onDone: () => void) => {
    setError(null);
    try {
      const refused = await action();
      if (refused) setError(refused);
      else onDone();
    } catch (caught) {
      setError(describeProblem(caught).message);
    }
  };

  return { error, run, clearError: () => setError(null) };
}
