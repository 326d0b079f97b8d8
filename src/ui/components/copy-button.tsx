import Box from '@mui/material/Box';
import Button, { type ButtonProps } from '@mui/material/Button';
import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useEffect, useState } from 'react';

interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  value: string;
  label?: string;
  /** Called after the value was put on the clipboard. */
  onCopied?: () => void;
}

async function writeToClipboard(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    // No clipboard API (http, old browsers, some test environments): select and copy.
    const area = document.createElement('textarea');
    area.value = value;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = typeof document.execCommand === 'function' && document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** Copies a value and says so for two seconds. */
export function CopyButton({ value, label = 'Copy', onCopied, ...buttonProps }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <Button
      variant="outlined"
      startIcon={copied ? <CheckIcon /> : <ContentCopyIcon />}
      {...buttonProps}
      onClick={() =>
        void writeToClipboard(value).then((ok) => {
          if (!ok) return;
          setCopied(true);
          onCopied?.();
        })
      }
    >
      {/* Both words take the same cell, the unused one hidden, so the button keeps its width and nothing beside it moves. */}
      <Box component="span" aria-live="polite" sx={{ display: 'inline-grid', '& > *': { gridArea: '1 / 1' } }}>
        <span style={{ visibility: copied ? 'visible' : 'hidden' }}>Copied</span>
        <span style={{ visibility: copied ? 'hidden' : 'visible' }}>{label}</span>
      </Box>
    </Button>
  );
}
