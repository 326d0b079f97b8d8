import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { describeProblem, problemField } from './errors';

/**
 * A form's failed request, in the server's words: on the field it is about when that is
 * one of `fields`, else in the alert above the buttons (`root.server`).
 */
export function showServerProblem<T extends FieldValues>(form: UseFormReturn<T>, error: unknown, fields: readonly FieldPath<T>[]): void {
  const problem = describeProblem(error);
  form.setError(problemField(problem, fields) ?? 'root.server', { message: problem.message });
}
