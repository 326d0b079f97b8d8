import type { Role } from '../../lib/roles';

/** What a person of each role may do, under the role menus of Invite member and Change role. */
export const MEMBER_ROLE_HELP: Record<Role, string> = {
  TENANT_ADMIN: 'Manages members, service accounts and their keys.',
  USER: 'Creates and revokes their own API keys.',
  READ_ONLY_USER: 'Their keys can read but not change anything.',
};
