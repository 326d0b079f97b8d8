import Chip from '@mui/material/Chip';

const STATUS_COLOR = { delivered: 'success', failed: 'error', pending: 'warning' } as const;

/** A webhook delivery's status as a chip: Delivered, Failed, Pending. */
export function DeliveryStatus({ status }: { status: string }) {
  const color = STATUS_COLOR[status as keyof typeof STATUS_COLOR] ?? 'default';
  return <Chip size="small" variant="outlined" color={color} label={status.charAt(0).toUpperCase() + status.slice(1)} />;
}
