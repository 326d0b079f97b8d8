import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

interface SecretTextProps {
  /** The id of the heading that names it. */
  labelledBy: string;
  /** Read out after the name, e.g. that the dots are a mask. */
  description?: string;
  /** The width it starts from before wrapping beside its buttons (CSS flex-basis). */
  basis: string;
  fontSize?: string;
  children: ReactNode;
}

/** A secret shown once (a new API key, a webhook's signing secret): monospace, read-only, focusable, broken anywhere to fit. */
export function SecretText({ labelledBy, description, basis, fontSize, children }: SecretTextProps) {
  return (
    <Box
      role="textbox"
      aria-readonly="true"
      aria-labelledby={labelledBy}
      aria-description={description}
      tabIndex={0}
      sx={{
        flex: `1 1 ${basis}`,
        px: 1.5,
        py: 1,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        fontFamily: 'monospace',
        fontSize,
        wordBreak: 'break-all',
        bgcolor: 'action.hover',
      }}
    >
      {children}
    </Box>
  );
}
