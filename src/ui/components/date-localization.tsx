import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import type { Locale } from 'date-fns';
import { use, type ReactNode } from 'react';
import { dateFnsLocaleName } from '../lib/locale';

// Every date-fns locale, each its own small chunk (1–3 kB gzip): only the one for the
// user's language is ever fetched, when the first date picker renders.
const LOCALE_FILES = import.meta.glob<Locale>(['/node_modules/date-fns/locale/*.js', '!**/cdn*.js', '!**/types.js'], { import: 'default' });
const LOCALE_LOADERS = new Map(Object.entries(LOCALE_FILES).map(([file, load]) => [file.replace(/^.*\/|\.js$/g, ''), load]));

const loading = new Map<string, Promise<Locale>>();

/** The date-fns locale for the user's language, loaded once per name. */
export function loadDateLocale(): Promise<Locale> {
  const name = dateFnsLocaleName([...LOCALE_LOADERS.keys()]);
  let promise = loading.get(name);
  if (!promise) {
    // dateFnsLocaleName answers with a name it was given, or en-US, which date-fns always has.
    const load = LOCALE_LOADERS.get(name) ?? LOCALE_LOADERS.get('en-US');
    if (!load) throw new Error(`No date-fns locale ${name}`);
    promise = load();
    loading.set(name, promise);
  }
  return promise;
}

/**
 * MUI X pickers' date library and the user's locale (so an en-US user types 12/25/2027
 * and an en-GB one 25/12/2027). Wrap each date picker in it, inside the lazy chunk that
 * holds the picker, so neither the adapter nor a locale loads with a page that shows no
 * picker. It suspends until the locale has arrived.
 */
export function DateLocalization({ children }: { children: ReactNode }) {
  const locale = use(loadDateLocale());
  return (
    <LocalizationProvider dateAdapter={AdapterDateFns} adapterLocale={locale}>
      {children}
    </LocalizationProvider>
  );
}
