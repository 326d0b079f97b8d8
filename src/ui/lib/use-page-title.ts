import { useEffect } from 'react';

/** Sets the browser tab's title: "Members · Keyplane". */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Keyplane` : 'Keyplane';
  }, [title]);
}
