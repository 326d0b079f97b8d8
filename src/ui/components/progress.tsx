import { keyframes } from '@emotion/react';
import Box from '@mui/material/Box';

// Two indicators drawn with CSS alone. They stand in for MUI's LinearProgress and
// CircularProgress, which bring about 4 kB gzip (and their transitions) to the first page
// for a bar that shows while a page's code or data loads and a spinner while a dialog's does
// (MUI's Button keeps CircularProgress for its own loading state).

const slide = keyframes`
  from { transform: translateX(-100%); }
  to { transform: translateX(250%); }
`;
const spin = keyframes`
  to { transform: rotate(360deg); }
`;

/** A thin indeterminate bar: where it is placed, or with `pinned` across the top of the window. */
export function ProgressBar({ label, pinned = false }: { label: string; pinned?: boolean }) {
  return (
    <Box
      role="progressbar"
      aria-label={label}
      sx={{
        height: 4,
        overflow: 'hidden',
        bgcolor: 'primary.light',
        ...(pinned && { position: 'fixed', top: 0, left: 0, right: 0, zIndex: (theme) => theme.zIndex.appBar + 1 }),
      }}
    >
      <Box sx={{ width: '40%', height: '100%', bgcolor: 'primary.main', animation: `${slide} 1.2s ease-in-out infinite` }} />
    </Box>
  );
}

/** A round spinner, 40 px, in the theme's primary colour. */
export function Spinner({ label }: { label: string }) {
  return (
    <Box
      role="status"
      aria-label={label}
      sx={{
        width: 40,
        height: 40,
        borderRadius: '50%',
        border: 4,
        borderColor: 'primary.light',
        borderTopColor: 'primary.main',
        animation: `${spin} 0.9s linear infinite`,
        '@media (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
      }}
    />
  );
}
