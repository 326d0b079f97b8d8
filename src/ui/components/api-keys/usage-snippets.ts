export interface UsageSnippet {
  title: string;
  code: string;
}

/** The hint the list shows (prefix and first four random characters) followed by dots. */
export function maskKey(key: string): string {
  const visible = key.slice(0, 8);
  return visible + '•'.repeat(Math.max(0, key.length - visible.length));
}

/** Ready-to-paste ways to use a key against this server. */
export function usageSnippets(key: string, origin: string): UsageSnippet[] {
  return [
    {
      title: 'curl',
      code: [
        `curl ${origin}/graphql \\`,
        `  -H "Authorization: Bearer ${key}" \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -d '{"query":"{ auth_info { user_id tenant_id } }"}'`,
      ].join('\n'),
    },
    { title: 'Environment variable', code: `export PREFECT__CLOUD__API_KEY=${key}` },
    { title: 'config.toml', code: `[cloud]\napi_key = "${key}"` },
    { title: 'Agent', code: `keyplane agent start --key ${key}` },
  ];
}
