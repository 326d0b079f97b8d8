import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { DateTime } from '../../components/date-time';
import { StackedList } from '../../components/stacked-list';
import { graphql } from '../../gql';
import type { CanaryKeysTable_CanaryFragment } from '../../gql/graphql';
import { usePhoneLayout } from '../../lib/use-phone-layout';

export const CanaryKeysTableCanaryFragment = graphql(`
  fragment CanaryKeysTable_canary on canary_key {
    id
    name
    description
    key_hint
    created
    created_by {
      id
      username
    }
    first_used_at
    last_used_at
    use_count
    last_source_address
    last_user_agent
  }
`);

export type Canary = CanaryKeysTable_CanaryFragment;

interface CanaryKeysTableProps {
  canaries: readonly Canary[];
  now: Date;
  onDelete: (canary: { id: string; name: string }) => void;
}

/** "Tripped 3 minutes ago from 203.0.113.7, curl/8.5.0 (4 uses)", in the error colour; or that it has stayed quiet. */
function TripStatus({ canary, now }: { canary: Canary; now: Date }) {
  if (!canary.last_used_at) {
    return (
      <Typography variant="body2" color="text.secondary">
        Not used yet
      </Typography>
    );
  }
  const from = [canary.last_source_address, canary.last_user_agent].filter(Boolean).join(', ');
  return (
    <Box sx={{ color: 'error.main', typography: 'body2', fontWeight: 600, overflowWrap: 'anywhere' }}>
      <DateTime iso={canary.last_used_at} format="since" now={now} prefix="Tripped " />
      {from ? ` from ${from}` : ''}
      <Typography variant="body2" component="span" color="text.secondary" sx={{ fontWeight: 400 }}>
        {' '}
        ({canary.use_count === 1 ? '1 use' : `${canary.use_count.toLocaleString()} uses`}
        {canary.first_used_at && canary.use_count > 1 ? (
          <>
            , first <DateTime iso={canary.first_used_at} format="since" now={now} />
          </>
        ) : null}
        )
      </Typography>
    </Box>
  );
}

function Created({ canary, now }: { canary: Canary; now: Date }) {
  return (
    <>
      <DateTime iso={canary.created} format="relative" now={now} />
      {canary.created_by ? ` by ${canary.created_by.username}` : ''}
    </>
  );
}

function DeleteButton({ canary, onDelete }: { canary: Canary; onDelete: CanaryKeysTableProps['onDelete'] }) {
  return (
    <Tooltip title="Delete canary key">
      <IconButton aria-label={`Delete canary key ${canary.name}`} onClick={() => onDelete({ id: canary.id, name: canary.name })}>
        <DeleteOutlinedIcon />
      </IconButton>
    </Tooltip>
  );
}

function NameCell({ canary }: { canary: Canary }) {
  return (
    <>
      <Box component="span" sx={{ fontWeight: 500 }}>
        {canary.name}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
        {canary.key_hint}…
      </Typography>
      {canary.description ? (
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
          {canary.description}
        </Typography>
      ) : null}
    </>
  );
}

/** The tenant's canaries, tripped ones marked in red; a stacked list on a phone. */
export function CanaryKeysTable({ canaries, now, onDelete }: CanaryKeysTableProps) {
  const phone = usePhoneLayout();
  if (phone) {
    return (
      <StackedList
        label="Canary keys"
        items={canaries.map((canary) => ({
          id: canary.id,
          title: canary.name,
          details: [
            { label: 'Status', value: <TripStatus canary={canary} now={now} /> },
            { label: 'Key', value: <Box sx={{ fontFamily: 'monospace' }}>{canary.key_hint}…</Box> },
            ...(canary.description ? [{ label: 'Planted', value: canary.description }] : []),
            { label: 'Created', value: <Created canary={canary} now={now} /> },
          ],
          actions: <DeleteButton canary={canary} onDelete={onDelete} />,
        }))}
      />
    );
  }
  return (
    <Table aria-label="Canary keys">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Created</TableCell>
          <TableCell align="right">
            <Box component="span" sx={visuallyHidden}>
              Actions
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {canaries.map((canary) => (
          <TableRow key={canary.id}>
            <TableCell sx={{ maxWidth: 320, overflowWrap: 'anywhere' }}>
              <NameCell canary={canary} />
            </TableCell>
            <TableCell sx={{ maxWidth: 420 }}>
              <TripStatus canary={canary} now={now} />
            </TableCell>
            <TableCell>
              <Created canary={canary} now={now} />
            </TableCell>
            <TableCell align="right">
              <DeleteButton canary={canary} onDelete={onDelete} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
