import { formatRelativeTime, formatTimeSince, JUST_NOW } from '../shared/relative-time.js';
import type { OutputStream } from './context.js';

// Plain-text output for people and JSON for scripts. No colours: the output is
// as often read by a log collector as by a person.

export function writeLine(stream: OutputStream, line = ''): void {
  stream.write(`${line}\n`);
}

export function writeJson(stream: OutputStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Left-aligned columns separated by two spaces; the header names the columns. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

const ROLE_NAMES: Record<string, string> = {
  TENANT_ADMIN: 'Administrator',
  USER: 'User',
  READ_ONLY_USER: 'Read-only',
};

export function roleName(role: string | null | undefined): string {
  if (!role) return 'no role';
  return ROLE_NAMES[role] ?? role;
}

export function accountKind(accountType: string): string {
  return accountType === 'SERVICE' ? 'service account' : 'user';
}

/** "in 29 days", "Expired 2 hours ago", "Never": the words the web UI uses (src/shared/relative-time.ts). */
export function describeExpiry(expiresAt: string | null | undefined, now: Date): string {
  if (!expiresAt) return 'Never';
  const at = new Date(expiresAt);
  return at.getTime() > now.getTime() ? formatRelativeTime(at, now) : `Expired ${formatRelativeTime(at, now)}`;
}

/** "3 minutes ago", "just now", "Never". */
export function describeLastUsed(lastUsedAt: string | null | undefined, now: Date): string {
  if (!lastUsedAt) return 'Never';
  const since = formatTimeSince(new Date(lastUsedAt), now);
  // Lower case inside a table row, as the CLI has always printed it.
  return since === JUST_NOW ? 'just now' : since;
}

/** A description short enough for a table cell (one line, at most 40 characters), else null: --json has it whole. */
export function shortDescription(description: string | null | undefined): string | null {
  if (!description || description.includes('\n') || [...description].length > 40) return null;
  return description;
}
