import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { CodeBlock } from './code-block';
import { CopyButton } from '../copy-button';
import { SecretText } from '../secret-text';
import { maskKey, usageSnippets } from './usage-snippets';

export interface KeyRevealProps {
  /** The new key, held only in React state by the dialog. */
  apiKey: string;
  /** Called on every successful copy of the key (alone or in a snippet). */
  onCopied: () => void;
  /** Where the API is; the snippets call `${origin}/graphql`. */
  origin?: string;
  /** Shown instead of "How to use it" (a canary key is planted, never used). */
  instead?: ReactNode;
}

/** The one-time view of a new key: masked with show/hide, Copy, and how to use it. */
export function KeyReveal({ apiKey, onCopied, origin = window.location.origin, instead }: KeyRevealProps) {
  const [shown, setShown] = useState(false);
  const displayed = shown ? apiKey : maskKey(apiKey);
  const masked = usageSnippets(maskKey(apiKey), origin);
  const real = usageSnippets(apiKey, origin);
  return (
    <Stack spacing={2}>
      <Alert severity="warning">
        Copy this key now and store it somewhere safe. <strong>You will not be able to see it again.</strong>
      </Alert>
      <Box>
        <Typography variant="subtitle2" component="h3" id="new-api-key-label" gutterBottom>
          API key
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <SecretText
            labelledBy="new-api-key-label"
            // The masked dots are not the key: screen readers hear "hidden" instead of forty bullets.
            description={shown ? undefined : 'hidden; use Show key to read it'}
            basis="20rem"
            fontSize="0.95rem"
          >
            {displayed}
          </SecretText>
          <Tooltip title={shown ? 'Hide key' : 'Show key'}>
            <IconButton onClick={() => setShown((v) => !v)} aria-label={shown ? 'Hide key' : 'Show key'}>
              {shown ? <VisibilityOffIcon /> : <VisibilityIcon />}
            </IconButton>
          </Tooltip>
          <CopyButton value={apiKey} onCopied={onCopied} variant="contained" />
        </Box>
      </Box>
      {instead ?? (
        <Box component="section" aria-labelledby="how-to-use-heading">
          <Typography variant="subtitle1" component="h3" id="how-to-use-heading" gutterBottom>
            How to use it
          </Typography>
          <Stack spacing={1.5}>
            {real.map((snippet, i) => (
              <CodeBlock key={snippet.title} title={snippet.title} code={shown ? snippet.code : masked[i].code} copyText={snippet.code} onCopied={onCopied} />
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
