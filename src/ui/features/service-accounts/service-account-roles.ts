/** What each role lets a service account's keys do, for the role pickers. */
export const SERVICE_ACCOUNT_ROLE_HELP: Record<string, string> = {
  TENANT_ADMIN: 'Full access: its keys can also manage members, service accounts and their keys.',
  USER: 'Its keys can use the API, but cannot manage the team.',
  READ_ONLY_USER: 'Its keys can read, but not change anything.',
};
