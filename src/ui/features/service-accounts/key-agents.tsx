import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { DateTime } from '../../components/date-time';
import { graphql } from '../../gql';
import type { KeyAgents_KeyFragment } from '../../gql/graphql';

/** What the agents list reads of each key: the agents seen with it in the last 7 days. */
export const KeyAgentsKeyFragment = graphql(`
  fragment KeyAgents_key on auth_api_key {
    id
    name
    agents(limit: 20) {
      id
      name
      type
      labels
      source_address
      last_queried
    }
  }
`);

interface KeyAgentsProps {
  keys: readonly KeyAgents_KeyFragment[];
  now: Date;
  /** The id of the heading this list is named by. */
  headingId: string;
}

/**
 * Per key, the agents seen with it (Prefect agents that registered, keyplane agents that
 * check in): who stops when the key is revoked. Wrapping lines, not a table, so a phone
 * shows every field without scrolling sideways.
 */
export function KeyAgents({ keys, now, headingId }: KeyAgentsProps) {
  const withAgents = keys.filter((key) => key.agents.length > 0);
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 2 }}>
      <Typography id={headingId} variant="subtitle2" component="h3" sx={{ fontWeight: 600 }}>
        Agents seen with these keys
      </Typography>
      {withAgents.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          No agent has used these keys in the last 7 days.
        </Typography>
      ) : (
        withAgents.map((key) => (
          <Box key={key.id} sx={{ mt: 1 }}>
            <Typography variant="body2" component="h4" id={`agents-of-${key.id}`} sx={{ fontWeight: 600 }}>
              {key.name}
            </Typography>
            <Box component="ul" aria-labelledby={`agents-of-${key.id}`} sx={{ listStyle: 'none', m: 0, p: 0 }}>
              {key.agents.map((agent) => (
                <Box
                  component="li"
                  key={agent.id}
                  sx={{
                    display: 'flex',
                    flexWrap: 'wrap',
                    alignItems: 'center',
                    columnGap: 1,
                    rowGap: 0.5,
                    py: 0.5,
                    borderBottom: 1,
                    borderColor: 'divider',
                    minWidth: 0,
                  }}
                >
                  <Typography variant="body2" component="span" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
                    {agent.name}
                  </Typography>
                  <Typography variant="body2" component="span" sx={{ color: 'text.secondary' }}>
                    {agent.type}
                  </Typography>
                  {agent.labels.map((label) => (
                    <Chip key={label} label={label} size="small" variant="outlined" sx={{ maxWidth: '100%' }} />
                  ))}
                  {agent.source_address ? (
                    <Typography variant="body2" component="span" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                      from {agent.source_address}
                    </Typography>
                  ) : null}
                  <Typography variant="body2" component="span" sx={{ color: 'text.secondary', ml: { sm: 'auto' } }}>
                    <DateTime iso={agent.last_queried} prefix="last seen " format="since" now={now} />
                  </Typography>
                </Box>
              ))}
            </Box>
          </Box>
        ))
      )}
    </Box>
  );
}
