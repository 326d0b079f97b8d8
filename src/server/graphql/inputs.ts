import { checkDescriptionText, descriptionProblemMessage } from '../../shared/descriptions.js';
import { checkEmailText, emailProblemMessage } from '../../shared/emails.js';
import { checkExpiry, expiryProblemMessage } from '../../shared/expiry.js';
import { checkNameText, nameProblemMessage } from '../../shared/names.js';
import { checkPasswordText, passwordProblemMessage } from '../../shared/passwords.js';
import { checkSlugText, slugProblemMessage } from '../../shared/slugs.js';
import { badInput } from '../errors.js';
import type { Role } from '../store/types.js';

// Checks at the edge: each failure names the field at fault and changes nothing. The
// rules themselves are in src/shared, where the UI's forms use them too.

export { slugify } from '../../shared/slugs.js';

export const ROLES: readonly Role[] = ['TENANT_ADMIN', 'USER', 'READ_ONLY_USER'];
export const ROLE_NAMES: Record<Role, string> = { TENANT_ADMIN: 'Administrator', USER: 'User', READ_ONLY_USER: 'Read-only' };

/** A name by the shared rule (src/shared/names.ts): the form shows the same message. */
export function checkName(field: string, value: string, label = 'Name'): string {
  const checked = checkNameText(value);
  if (!checked.ok) throw badInput(field, nameProblemMessage(label, checked.problem));
  return checked.name;
}

/** A description by the shared rule (src/shared/descriptions.ts); empty or null is none. */
export function checkDescription(field: string, value: string | null): string | null {
  const checked = checkDescriptionText(value);
  if (!checked.ok) throw badInput(field, descriptionProblemMessage(checked.problem));
  return checked.description;
}

export function checkFutureTime(field: string, iso: string | null | undefined): string | null {
  const checked = checkExpiry(iso, new Date());
  if (!checked.ok) throw badInput(field, expiryProblemMessage(checked.problem));
  return checked.value;
}

export function checkRole(field: string, value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw badInput(field, `Role must be one of ${ROLES.join(', ')}.`);
  return value as Role;
}

export function checkEmail(field: string, value: string): string {
  const checked = checkEmailText(value);
  if (!checked.ok) throw badInput(field, emailProblemMessage(checked.problem));
  return checked.value;
}

export function checkPassword(field: string, value: string): string {
  const checked = checkPasswordText(value);
  if (!checked.ok) throw badInput(field, passwordProblemMessage(checked.problem));
  return checked.value;
}

export function checkUsername(field: string, value: string): string {
  return checkName(field, value, 'Username');
}

export function checkSlug(field: string, value: string): string {
  const checked = checkSlugText(value);
  if (!checked.ok) throw badInput(field, slugProblemMessage(checked.problem, value));
  return checked.value;
}
