import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { describeExpiry, describeLastUsed, describePast } from './key-time';
import { LazyTooltip } from '../lazy-tooltip';

interface TimeTextProps {
  iso: string | null | undefined;
  label: string;
  exact: string | null;
  color?: string;
}

/**
 * A relative time with the exact time in a tooltip. The text is focusable so keyboard
 * users reach the tooltip too; describeChild keeps the visible text as the accessible name.
 */
function TimeText({ iso, label, exact, color }: TimeTextProps) {
  if (!exact || !iso) {
    return (
      <Box component="span" sx={{ color }}>
        {label}
      </Box>
    );
  }
  return (
    <LazyTooltip title={exact} describeChild>
      <Box
        component="time"
        dateTime={iso}
        tabIndex={0}
        sx={{ color, textDecoration: 'underline dotted', textUnderlineOffset: '3px', cursor: 'help' }}
      >
        {label}
      </Box>
    </LazyTooltip>
  );
}

export interface KeyExpiryProps {
  expiresAt: string | null | undefined;
  now: Date;
}

/** "in 3 days" / "Never" / "Expired 2 hours ago", with a warning chip inside the last 7 days. */
export function KeyExpiry({ expiresAt, now }: KeyExpiryProps) {
  const view = describeExpiry(expiresAt, now);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <TimeText
        iso={expiresAt}
        label={view.label}
        exact={view.exact}
        color={view.state === 'expired' ? 'error.dark' : undefined}
      />
      {view.state === 'soon' && (
        <Chip
          size="small"
          icon={<WarningAmberIcon />}
          label="Expires soon"
          // MUI's filled warning chip is white on orange (3:1); black on the light orange passes AA.
          sx={{ bgcolor: 'warning.light', color: 'common.black', '& .MuiChip-icon': { color: 'common.black' } }}
        />
      )}
    </Box>
  );
}

export interface KeyLastUsedProps {
  lastUsedAt: string | null | undefined;
  now: Date;
}

export function KeyLastUsed({ lastUsedAt, now }: KeyLastUsedProps) {
  const view = describeLastUsed(lastUsedAt, now);
  return <TimeText iso={lastUsedAt} label={view.label} exact={view.exact} />;
}

export interface KeyCreatedProps {
  created: string;
  now: Date;
}

export function KeyCreated({ created, now }: KeyCreatedProps) {
  const view = describePast(created, now);
  return <TimeText iso={created} label={view.label} exact={view.exact} />;
}
