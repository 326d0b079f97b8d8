import { CliError, ExitCode } from './exit-codes.js';

// `create-key -e` takes what a person types: a span ("30d", "12h", "2w") or an
// ISO-8601 date or time ("2026-01-31", "2026-01-31T17:00:00Z").

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The expiry instant, or throws a usage error that says what is accepted. */
export function parseExpiry(text: string, now: Date): Date {
  const value = text.trim();
  const span = /^(\d+)\s*([mhdw])$/i.exec(value);
  let at: Date | undefined;
  if (span) {
    at = new Date(now.getTime() + Number(span[1]) * UNIT_MS[span[2].toLowerCase()]);
  } else if (ISO_DATE.test(value)) {
    at = new Date(`${value}T00:00:00Z`); // a bare date is midnight UTC, like the API's timestamps
  } else if (ISO_DATE_TIME.test(value)) {
    // A time without a zone is read as UTC, not as this machine's local time.
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
    at = new Date(zoned.replace(' ', 'T'));
  }
  if (!at || Number.isNaN(at.getTime())) {
    throw new CliError(
      `Cannot read the expiry "${text}". Give a span such as 30d, 12h or 2w, or a date such as 2026-01-31 or 2026-01-31T17:00:00Z.`,
      ExitCode.USAGE,
    );
  }
  if (at.getTime() <= now.getTime()) {
    throw new CliError(`The expiry ${at.toISOString()} is not in the future.`, ExitCode.USAGE);
  }
  return at;
}
