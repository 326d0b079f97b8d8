import { useEffect, useRef, useState } from 'react';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import CheckIcon from '@mui/icons-material/Check';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';

const FEEDBACK_MS = 2000;

/** Writes to the clipboard; returns false instead of throwing when the browser refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function useCopy(text: string, onCopied?: () => void) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    const ok = await copyText(text);
    setStatus(ok ? 'copied' : 'failed');
    if (ok) onCopied?.();
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), FEEDBACK_MS);
  };
  return { status, copy };
}

export interface CopyIconButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy curl command". */
  label: string;
  onCopied?: () => void;
}

/** Icon-only copy for code snippets; the tooltip and the accessible name say "Copied" after a copy. */
export function CopyIconButton({ text, label, onCopied }: CopyIconButtonProps) {
  const { status, copy } = useCopy(text, onCopied);
  const name = status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : label;
  return (
    <Tooltip title={name}>
      <IconButton size="small" onClick={() => void copy()} aria-label={name}>
        {status === 'copied' ? <CheckIcon fontSize="small" /> : <ContentCopyIcon fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
}
