import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';

interface TableSkeletonProps {
  /** Read out by screen readers, e.g. "Loading members". */
  label: string;
  rows?: number;
  columns?: number;
}

/** The shape of a table while its data loads. */
export function TableSkeleton({ label, rows = 4, columns = 4 }: TableSkeletonProps) {
  return (
    <Box role="status" aria-live="polite" aria-label={label} sx={{ py: 1 }}>
      {Array.from({ length: rows }, (_, row) => (
        <Box key={row} sx={{ display: 'flex', gap: 2, py: 1.25 }}>
          {Array.from({ length: columns }, (_, column) => (
            <Skeleton key={column} variant="text" sx={{ flex: column === 0 ? 2 : 1 }} />
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** A centred placeholder for whole-page loads (sign-in, setup, the shell). */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <Box role="status" aria-live="polite" aria-label={label} sx={{ p: 3, maxWidth: 480, mx: 'auto' }}>
      <Skeleton variant="text" sx={{ fontSize: '2rem', width: '60%' }} />
      <Skeleton variant="rounded" height={56} sx={{ mt: 2 }} />
      <Skeleton variant="rounded" height={56} sx={{ mt: 2 }} />
      <Skeleton variant="rounded" height={40} sx={{ mt: 3, width: '40%' }} />
    </Box>
  );
}
