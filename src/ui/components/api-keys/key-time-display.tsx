import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
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
        <Chip
          size="small"
          icon={<WarningAmberIcon />}
          label="Expires soon"
          // MUI's filled warning chip is white on orange (3:1); black on the light orange passes AA.
          // 20 px tall, the height of a line of table text, so a row with the chip is as tall as one without.
          sx={{
            height: 20,
            bgcolor: 'warning.light',
            color: 'common.black',
            '& .MuiChip-label': { px: 0.75 },
            '& .MuiChip-icon': { color: 'common.black', fontSize: 16, ml: 0.5 },
          }}
        />
      )}
    </Box>
  );
}

/** "2 hours ago" / "Just now" / "Never". */
export function KeyLastUsed({ lastUsedAt, now }: { lastUsedAt: string | null | undefined; now: Date }) {
  if (!lastUsedAt) return <span>Never</span>;
  return <DateTime iso={lastUsedAt} format="since" now={now} />;
}
