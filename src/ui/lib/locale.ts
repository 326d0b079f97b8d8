// The user's locale, from the browser's language settings: lib/format.ts formats dates
// with it through Intl (the browser's own locale data, nothing to download), and
// components/date-localization loads date-fns' locale for the same language for the
// date pickers.

/** The browser's languages, best first; en-US where it names none. */
export function userLanguages(): readonly string[] {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  const listed = nav?.languages?.filter(Boolean) ?? [];
  if (listed.length > 0) return listed;
  return nav?.language ? [nav.language] : ['en-US'];
}

/**
 * The date-fns locale file (a name in date-fns/locale/) that fits the user's languages
 * best: the exact language and region, else the language alone, else the region date-fns
 * has for that language; en-US when date-fns has none of them.
 */
export function dateFnsLocaleName(available: readonly string[], languages: readonly string[] = userLanguages()): string {
  const byLowerCase = new Map(available.map((name) => [name.toLowerCase(), name]));
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    const language = lower.split('-')[0];
    const match =
      byLowerCase.get(lower) ??
      (language === 'en' ? byLowerCase.get('en-us') : undefined) ??
      byLowerCase.get(language) ??
      available.find((name) => name.toLowerCase().startsWith(`${language}-`));
    if (match) return match;
  }
  return 'en-US';
}
