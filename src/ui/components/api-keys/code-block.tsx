import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CopyIconButton } from './copy-icon-button';

export interface CodeBlockProps {
  /** Heading above the block; also names the copy button ("Copy <title>"). */
  title: string;
  /** What is shown. */
  code: string;
  /** What is copied, when it differs from what is shown (e.g. the unmasked key). */
  copyText?: string;
  onCopied?: () => void;
}

export function CodeBlock({ title, code, copyText, onCopied }: CodeBlockProps) {
  return (
    <Box component="figure" sx={{ m: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography component="figcaption" variant="subtitle2">
          {title}
        </Typography>
        <CopyIconButton text={copyText ?? code} label={`Copy ${title}`} onCopied={onCopied} />
      </Box>
      <Box
        component="pre"
        // Focusable so keyboard users can scroll a long line (WCAG scrollable-region-focusable).
        tabIndex={0}
        aria-label={title}
        sx={{
          m: 0,
          p: 1.5,
          borderRadius: 1,
          bgcolor: 'action.hover',
          color: 'text.primary',
          fontFamily: 'monospace',
          fontSize: '0.8125rem',
          overflowX: 'auto',
          whiteSpace: 'pre',
        }}
      >
        <code>{code}</code>
      </Box>
    </Box>
  );
}
