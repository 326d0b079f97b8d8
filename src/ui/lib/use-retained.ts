import { useState } from 'react';

/**
 * The last value that was not null. A dialog opened for a row (a key to revoke, a
 * member to remove) keeps showing that row while it animates closed.
 */
export function useRetained<T>(value: T | null): T | null {
  const [kept, setKept] = useState(value);
  if (value !== null && value !== kept) setKept(value);
  return value ?? kept;
}
