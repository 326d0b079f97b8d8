import { checkDescriptionText, descriptionProblemMessage } from '../../shared/descriptions';
import { checkEmailText, emailProblemMessage } from '../../shared/emails';
import { checkNameText, nameProblemMessage } from '../../shared/names';
import { checkPasswordText, passwordProblemMessage } from '../../shared/passwords';
import { checkSlugText, slugProblemMessage } from '../../shared/slugs';

// The shared input rules (src/shared, which the API enforces) as react-hook-form
// validators: a form refuses exactly what the server would, with the same words.
// Each returns true or the message to show under the field.

/** A name of something (a key, an account, a tenant, a username); `label` names it in the message. */
export const nameRule = (label: string) => (value: string) => {
  const checked = checkNameText(value);
  return checked.ok || nameProblemMessage(label, checked.problem);
};

/** A key's or a canary's description: optional, so blank passes. */
export function descriptionRule(value: string): true | string {
  const checked = checkDescriptionText(value);
  return checked.ok || descriptionProblemMessage(checked.problem);
}

export function emailRule(value: string): true | string {
  const checked = checkEmailText(value);
  return checked.ok || emailProblemMessage(checked.problem);
}

export function passwordRule(value: string): true | string {
  const checked = checkPasswordText(value);
  return checked.ok || passwordProblemMessage(checked.problem);
}

/** A slug that must be given (a tenant's new URL name). */
export function slugRule(value: string): true | string {
  const checked = checkSlugText(value);
  return checked.ok || slugProblemMessage(checked.problem, value);
}

/** An optional slug: blank means "derive it from the name". */
export function optionalSlugRule(value: string): true | string {
  if (value.trim() === '') return true;
  const checked = checkSlugText(value);
  return checked.ok || slugProblemMessage(checked.problem, value);
}
