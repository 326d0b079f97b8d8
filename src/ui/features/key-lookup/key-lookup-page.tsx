import { useApolloClient } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent, type ReactNode } from 'react';
import { checkKeyText, type KeyTextCheck } from '../../../shared/key-format';
import { ShowGraphql } from '../../components/api-keys/show-graphql';
import { DateTime } from '../../components/date-time';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { PageHeader } from '../../components/page-header';
import { SuccessSnackbar } from '../../components/success-snackbar';
import { graphql } from '../../gql';
import type { KeyLookupPageQuery } from '../../gql/graphql';
import { describeProblem } from '../../lib/errors';
import { lazyNamed } from '../../lib/lazy';
import { useCurrentTenant } from '../../lib/tenant-context';
import { useNow } from '../../lib/use-now';
import { usePageTitle } from '../../lib/use-page-title';
import { useRetained } from '../../lib/use-retained';
import { PASTED_KEY } from './pasted-key';

const RevokeLeakedDialog = lazyNamed(() => import('./revoke-leaked-dialog'), 'RevokeLeakedDialog');
const preloadRevoke = () => void RevokeLeakedDialog.preload().catch(() => undefined);

export const KeyLookupPageDocument = graphql(`
  query KeyLookupPage($key: String, $hint: String) {
    lookup_api_key(key: $key, hint: $hint) {
      last_used_address
      api_key {
        id
        name
        key_hint
        created
        expires_at
        last_used_at
        user {
          id
          username
          account_type
        }
        created_by {
          id
          username
        }
        tenant {
          id
          name
        }
      }
    }
  }
`);

type Match = KeyLookupPageQuery['lookup_api_key'][number];

/** What was looked up, and what the server answered: kept in state only (the key is never cached or put in the URL). */
interface Answer {
  check: Extract<KeyTextCheck, { kind: 'key' | 'hint' }>;
  matches: Match[];
}

/** Under the field: what the text is, at once, before any request. */
function checkHelp(check: KeyTextCheck): { text: string; error: boolean } {
  switch (check.kind) {
    case 'empty':
      return { text: 'A whole key (kpu_… or kps_…, 40 characters) or its first 8 characters, such as kps_igpm…', error: false };
    case 'key':
      return { text: `The checksum matches: a whole key (${check.hint}…).`, error: false };
    case 'hint':
      return { text: `A hint: every key of this tenant that starts with ${check.hint} is shown.`, error: false };
    default:
      return { text: check.message, error: true };
  }
}

/** Team › Whose key is this?: an administrator pastes a key found in a log or a repository and learns whose it is. */
export function KeyLookupPage() {
  usePageTitle('Whose key is this?');
  const tenant = useCurrentTenant();
  return (
    <Box sx={{ maxWidth: 880 }}>
      <PageHeader
        section="Team"
        title="Whose key is this?"
        description={`Paste a key, or its first characters, found in a log, a repository or a CI variable: see whose key of ${tenant.name} it is, and revoke it as leaked.`}
      />
      {tenant.isAdmin ? (
        <KeyLookup />
      ) : (
        <Alert severity="info">
          <AlertTitle>Only administrators can look up whose a key is</AlertTitle>
          If you found one of your own keys somewhere it should not be, revoke it on User › API Keys, or ask an administrator of {tenant.name}.
        </Alert>
      )}
    </Box>
  );
}

function KeyLookup() {
  const client = useApolloClient();
  const now = useNow();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  /** The key to revoke (held in memory only) and what the lookup found about it. */
  const [revoking, setRevoking] = useState<{ key: string; match: Match } | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const shownRevoking = useRetained(revoking);
  const check = checkKeyText(text);
  const help = checkHelp(check);
  const askable = check.kind === 'key' || check.kind === 'hint' ? check : null;

  const lookUp = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!askable) return;
    setProblem(null);
    setLoading(true);
    try {
      const { data } = await client.query({
        query: KeyLookupPageDocument,
        variables: askable.kind === 'key' ? { key: askable.key } : { hint: askable.hint },
        // The variables may hold a key: nothing of this request is kept.
        fetchPolicy: 'no-cache',
      });
      setAnswer({ check: askable, matches: data?.lookup_api_key ?? [] });
    } catch (error) {
      setAnswer(null);
      setProblem(describeProblem(error).message);
    } finally {
      setLoading(false);
    }
  };

  const graphqlVariables = askable ? (askable.kind === 'key' ? { key: PASTED_KEY } : { hint: askable.hint }) : { key: PASTED_KEY };

  return (
    <Stack spacing={3}>
      <Paper component="form" variant="outlined" onSubmit={(event) => void lookUp(event)} noValidate sx={{ p: { xs: 2, sm: 3 } }}>
        <Stack spacing={2}>
          <TextField
            label="Key or hint"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setAnswer(null);
              setProblem(null);
            }}
            error={help.error}
            helperText={help.text}
            fullWidth
            autoComplete="off"
            spellCheck={false}
            slotProps={{ htmlInput: { style: { fontFamily: 'monospace' } } }}
          />
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
            <Button type="submit" variant="contained" disabled={!askable || loading}>
              {loading ? 'Looking up…' : 'Look up'}
            </Button>
            <ShowGraphql document={KeyLookupPageDocument} variables={graphqlVariables} />
          </Box>
        </Stack>
      </Paper>
      {problem ? <Alert severity="error">{problem}</Alert> : null}
      {answer ? (
        <Matches
          answer={answer}
          now={now}
          onRevoke={(match) => {
            if (answer.check.kind === 'key') setRevoking({ key: answer.check.key, match });
          }}
        />
      ) : null}
      {shownRevoking ? (
        <LazyDialogSlot open={revoking !== null}>
          <RevokeLeakedDialog
            open={revoking !== null}
            target={{
              key: shownRevoking.key,
              keyId: shownRevoking.match.api_key.id,
              name: shownRevoking.match.api_key.name,
              owner: shownRevoking.match.api_key.user.username,
            }}
            onClose={() => setRevoking(null)}
            onRevoked={() => {
              setRevoked(shownRevoking.match.api_key.name);
              setRevoking(null);
              setAnswer(null);
              setText('');
            }}
          />
        </LazyDialogSlot>
      ) : null}
      <SuccessSnackbar message={revoked ? `Revoked ${revoked} as leaked.` : null} onClose={() => setRevoked(null)} />
    </Stack>
  );
}

function Matches({ answer, now, onRevoke }: { answer: Answer; now: Date; onRevoke: (match: Match) => void }) {
  if (answer.matches.length === 0) {
    return (
      <Alert severity="info" role="status">
        <AlertTitle>No key of this tenant matches</AlertTitle>
        {answer.check.kind === 'key'
          ? 'It is not a live key of this tenant: it may be revoked already, belong to another tenant, or never have existed.'
          : `No live key of this tenant starts with ${answer.check.hint}.`}
      </Alert>
    );
  }
  return (
    <Stack spacing={2} component="section" aria-label="Matching keys">
      {answer.check.kind === 'hint' ? (
        <Typography variant="body2" color="text.secondary">
          {answer.matches.length === 1 ? 'One key starts' : `${answer.matches.length} keys start`} with {answer.check.hint}. Paste the whole key to revoke it as
          leaked.
        </Typography>
      ) : null}
      {answer.matches.map((match) => (
        <MatchCard key={match.api_key.id} match={match} now={now} onRevoke={answer.check.kind === 'key' ? () => onRevoke(match) : null} />
      ))}
    </Stack>
  );
}

function MatchCard({ match, now, onRevoke }: { match: Match; now: Date; onRevoke: (() => void) | null }) {
  const key = match.api_key;
  const details: [string, ReactNode][] = [
    ['Owner', `${key.user.username} (${key.user.account_type === 'SERVICE' ? 'service account' : 'person'})`],
    ['Tenant', key.tenant.name],
    ['Key', `${key.name} · ${key.key_hint}…`],
    ['Created by', key.created_by?.username ?? 'Removed account'],
    ['Created', <DateTime key="created" iso={key.created} format="since" now={now} />],
    ['Expires', key.expires_at ? <DateTime key="expires" iso={key.expires_at} format="relative" now={now} /> : 'Never'],
    ['Last used', key.last_used_at ? <DateTime key="used" iso={key.last_used_at} format="since" now={now} /> : 'Never'],
    ['Last source address', match.last_used_address ?? '—'],
  ];
  return (
    <Paper variant="outlined" component="article" aria-label={`${key.name}, ${key.user.username}'s key`} sx={{ p: { xs: 2, sm: 3 } }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', justifyContent: 'space-between', mb: 2 }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
            {key.user.username}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {key.name}
          </Typography>
        </Box>
        {onRevoke ? (
          <Button variant="outlined" color="error" onClick={onRevoke} onPointerEnter={preloadRevoke} onFocus={preloadRevoke}>
            Revoke as leaked
          </Button>
        ) : null}
      </Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 3, rowGap: { xs: 0.25, sm: 1 }, m: 0 }}>
        {details.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary', typography: 'body2', mt: { xs: 1, sm: 0 } }}>
              {label}
            </Box>
            <Box component="dd" sx={{ m: 0, typography: 'body2', overflowWrap: 'anywhere' }}>
              {value}
            </Box>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
