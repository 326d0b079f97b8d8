// The rule for tenant slugs (the "acme" of /acme/user/keys), shared by the create-tenant
// form and the API. Pure: no Node, DOM or React.

export const MAX_SLUG_LENGTH = 40;

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * Slugs lead every app URL, so they must not shadow the app's own first path segments
 * (its public pages, the API, GraphiQL, static files) or the server's probes.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'setup',
  'sign-in',
  'invite',
  'no-tenant',
  'graphql',
  'graphiql',
  'assets',
  'api',
  'static',
  'health',
  'healthz',
  'readyz',
  'metrics',
]);

export type SlugProblem = 'invalid' | 'reserved';

export type SlugCheck = { ok: true; value: string } | { ok: false; problem: SlugProblem };

export function checkSlugText(value: string): SlugCheck {
  const slug = value.trim();
  if (!SLUG_PATTERN.test(slug)) return { ok: false, problem: 'invalid' };
  if (RESERVED_SLUGS.has(slug)) return { ok: false, problem: 'reserved' };
  return { ok: true, value: slug };
}

/** `slug` is the value refused, for the "reserved" message. */
export function slugProblemMessage(problem: SlugProblem, slug: string): string {
  switch (problem) {
    case 'invalid':
      return `A slug is 1–${MAX_SLUG_LENGTH} lowercase letters, digits or hyphens, not starting or ending with a hyphen.`;
    case 'reserved':
      return `The slug "${slug.trim()}" is reserved.`;
  }
}

/** The slug a tenant gets from its name when none is chosen: "Acme Corp." → "acme-corp". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug && !RESERVED_SLUGS.has(slug) ? slug : `tenant-${slug || 'new'}`.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}
