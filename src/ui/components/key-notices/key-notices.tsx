import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Badge from '@mui/material/Badge';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import { Link as RouterLink } from 'react-router-dom';
import { graphql } from '../../gql';
import { paths } from '../../lib/paths';

// Keys that need acting on this week (key_notices): an alert on the key pages and a badge in
// the top bar. Loaded after the first page (the top bar's lazy slot), never in its bundle.

export const KeyNoticesQuery = graphql(`
  query KeyNotices($tenantId: uuid) {
    key_notices(tenant_id: $tenantId) {
      own_expiring_count
      own_idle_count
      service_expiring_count
      service_idle_count
    }
  }
`);

const keys = (count: number, kind = '') => `${count} ${kind}${count === 1 ? 'key' : 'keys'}`;

/** "2 keys expire this week. 1 unused key will be revoked this week unless it is used." */
export function noticeText(expiring: number, idle: number, kind = ''): string {
  const parts: string[] = [];
  if (expiring > 0) parts.push(`${keys(expiring, kind)} ${expiring === 1 ? 'expires' : 'expire'} this week.`);
  if (idle > 0) parts.push(`${keys(idle, `unused ${kind}`)} will be revoked this week unless ${idle === 1 ? 'it is' : 'they are'} used.`);
  return parts.join(' ');
}

/** The alert at the top of User › API Keys (own keys) or Team › Service Accounts (administrators: service-account keys). */
export function KeyNoticeAlert({ scope }: { scope: 'own' | 'service' }) {
  const { data } = useQuery(KeyNoticesQuery, { fetchPolicy: 'cache-and-network' });
  const notices = data?.key_notices;
  if (!notices) return null;
  const text =
    scope === 'own'
      ? noticeText(notices.own_expiring_count, notices.own_idle_count)
      : noticeText(notices.service_expiring_count ?? 0, notices.service_idle_count ?? 0, 'service-account ');
  if (!text) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }}>
      {text} Rotate what is still needed.
    </Alert>
  );
}

/** The top bar's bell: how many keys need acting on this week, linking to the page that lists them. */
export function KeyNoticesBadge({ tenantId, slug }: { tenantId: string; slug: string }) {
  const { data } = useQuery(KeyNoticesQuery, { variables: { tenantId }, fetchPolicy: 'cache-and-network' });
  const notices = data?.key_notices;
  if (!notices) return null;
  const own = notices.own_expiring_count + notices.own_idle_count;
  const service = (notices.service_expiring_count ?? 0) + (notices.service_idle_count ?? 0);
  const count = own + service;
  if (count === 0) return null;
  const label = `${count} key ${count === 1 ? 'notice' : 'notices'}`;
  return (
    <Tooltip title={label}>
      <IconButton component={RouterLink} to={own > 0 ? paths.apiKeys.href(slug) : paths.serviceAccounts.href(slug)} aria-label={label}>
        <Badge badgeContent={count} color="warning">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
