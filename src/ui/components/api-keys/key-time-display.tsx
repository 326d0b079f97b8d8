import Box from '@mui/material/Box';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { DateTime } from '../date-time';
import { expiryState } from './key-time';

export interface KeyExpiryProps {
  expiresAt: string | null | undefined;
  now: Date;
}

/** "in 3 days" / "Never" / "Expired 2 hours ago", with a warning chip inside the last 7 days. */
export function KeyExpiry({ expiresAt, now }: KeyExpiryProps) {
  const state = expiryState(expiresAt, now);
  if (!expiresAt || state === 'never') return <span>Never</span>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <DateTime
        iso={expiresAt}
        format="relative"
        now={now}
        prefix={state === 'expired' ? 'Expired ' : ''}
        color={state === 'expired' ? 'error.dark' : undefined}
      />
      {state === 'soon' && (
        // A label, not MUI's Chip (2.3 kB gzip on the first page for a word and an icon). Black on the
        // light orange passes AA; 20 px tall, the height of a line of table text, so a row with it is as
        // tall as one without.
        <Box
          component="span"
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            height: 20,
            px: 0.75,
            borderRadius: 2.5,
            bgcolor: 'warning.light',
            color: 'common.black',
            typography: 'caption',
            lineHeight: 1,
            whiteSpace: 'nowrap',
          }}
        >
          <WarningAmberIcon sx={{ fontSize: 16 }} aria-hidden />
          Expires soon
        </Box>
      )}
    </Box>
  );
}

/** "2 hours ago" / "Just now" / "Never". */
export function KeyLastUsed({ lastUsedAt, now }: { lastUsedAt: string | null | undefined; now: Date }) {
  if (!lastUsedAt) return <span>Never</span>;
  return <DateTime iso={lastUsedAt} format="since" now={now} />;
}
