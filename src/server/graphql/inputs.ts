import { checkNameText, nameProblemMessage } from '../../shared/names.js';
import { badInput } from '../errors.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import type { BoolExp, OrderBy, Page, Role } from '../store/types.js';

// Checks at the edge: each failure names the field at fault and changes nothing.

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
export const ROLES: readonly Role[] = ['TENANT_ADMIN', 'USER', 'READ_ONLY_USER'];
export const ROLE_NAMES: Record<Role, string> = { TENANT_ADMIN: 'Administrator', USER: 'User', READ_ONLY_USER: 'Read-only' };

// In emails: C0/C1 controls, and the bidirectional overrides and isolates that can disguise one.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

// Half of a surrogate pair is not text: stored as UTF-8 it would come back as U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A name by the shared rule (src/shared/names.ts): the form shows the same message. */
export function checkName(field: string, value: string, label = 'Name'): string {
  const checked = checkNameText(value);
  if (!checked.ok) throw badInput(field, nameProblemMessage(label, checked.problem));
  return checked.name;
}

export function checkFutureTime(field: string, iso: string | null | undefined): string | null {
  if (iso === null || iso === undefined) return null;
  const time = Date.parse(iso);
  if (time <= Date.now()) throw badInput(field, 'The expiration must be in the future.');
  if (new Date(time).getUTCFullYear() > 9999) throw badInput(field, 'The expiration is too far in the future.');
  return iso;
}

export function checkRole(field: string, value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw badInput(field, `Role must be one of ${ROLES.join(', ')}.`);
  return value as Role;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function checkEmail(field: string, value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !EMAIL_PATTERN.test(email) || UNSAFE_CHARACTERS.test(email) || LONE_SURROGATE.test(email)) throw badInput(field, 'Enter a valid email address.');
  return email;
}

export function checkPassword(field: string, value: string): string {
  if (value.length < MIN_PASSWORD_LENGTH) throw badInput(field, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (value.length > MAX_PASSWORD_LENGTH) throw badInput(field, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`);
  return value;
}

export function checkUsername(field: string, value: string): string {
  return checkName(field, value, 'Username');
}

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
// Slugs lead every app URL, so they must not shadow the app's own routes.
const RESERVED_SLUGS = new Set(['setup', 'sign-in', 'invite', 'graphql', 'graphiql', 'assets', 'api', 'static', 'health']);

export function checkSlug(field: string, value: string): string {
  const slug = value.trim();
  if (!SLUG_PATTERN.test(slug)) throw badInput(field, 'A slug is 1–40 lowercase letters, digits or hyphens, not starting or ending with a hyphen.');
  if (RESERVED_SLUGS.has(slug)) throw badInput(field, `The slug "${slug}" is reserved.`);
  return slug;
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug && !RESERVED_SLUGS.has(slug) ? slug : `tenant-${slug || 'new'}`.slice(0, 40).replace(/-+$/, '');
}

export function checkPage(args: { where?: unknown; order_by?: unknown; limit?: number | null; offset?: number | null }): Page {
  const limit = args.limit ?? DEFAULT_LIMIT;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) throw badInput('limit', `limit must be between 0 and ${MAX_LIMIT}.`);
  if (!Number.isInteger(offset) || offset < 0 || offset > 1_000_000) throw badInput('offset', 'offset must be between 0 and 1000000.');
  return { where: (args.where as BoolExp | null) ?? null, orderBy: (args.order_by as OrderBy | null) ?? null, limit, offset };
}
