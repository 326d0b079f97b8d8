// The rule for a key's description, shared by the edit-key form and the API. Pure: no
// Node, DOM or React. The name rule (names.ts), but longer and optional: an empty
// description is none, and line breaks may separate lines of text.

import { shownTextProblem, type NameProblem } from './names.js';

export const MAX_DESCRIPTION_LENGTH = 500;

export type DescriptionCheck = { ok: true; description: string | null } | { ok: false; problem: NameProblem };

/** A description as the rule reads it: NFC, line breaks as \n, trimmed. */
const normalised = (value: string) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim();

/** How long a description is by this rule, in code points (what a form's counter shows). */
export function descriptionLength(value: string): number {
  return [...normalised(value)].length;
}

export function checkDescriptionText(value: string | null | undefined): DescriptionCheck {
  if (value === null || value === undefined) return { ok: true, description: null };
  const description = normalised(value);
  if (description.length === 0) return { ok: true, description: null };
  if ([...description].length > MAX_DESCRIPTION_LENGTH) return { ok: false, problem: 'too_long' };
  for (const line of description.split('\n')) {
    const text = line.trim();
    const problem = text.length === 0 ? null : shownTextProblem(text);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, description };
}

export function descriptionProblemMessage(problem: NameProblem): string {
  switch (problem) {
    case 'too_long':
      return `Description must be at most ${MAX_DESCRIPTION_LENGTH} characters.`;
    case 'unsafe':
      return 'Description cannot contain control, invisible or text-direction characters.';
    case 'invisible':
      return 'Description must contain a visible character.';
    case 'required':
    case 'not_text':
      return 'Description is not valid text.';
  }
}
