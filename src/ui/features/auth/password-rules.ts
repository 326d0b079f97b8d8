export const MIN_PASSWORD_LENGTH = 8;

/** The checks the setup and invitation forms make before asking the server. */
export function passwordProblem(password: string, confirmation: string): { password?: string; confirmation?: string } {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { password: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  if (password !== confirmation) return { confirmation: 'The passwords do not match.' };
  return {};
}
