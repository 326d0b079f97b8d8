import GroupsIcon from '@mui/icons-material/Groups';
import HistoryIcon from '@mui/icons-material/History';
import KeyIcon from '@mui/icons-material/Key';
import SettingsIcon from '@mui/icons-material/Settings';
import SmartToyIcon from '@mui/icons-material/SmartToy';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import { useId, type ReactNode } from 'react';
import { NavLink, useMatch } from 'react-router-dom';
import { paths } from '../lib/paths';

interface NavItemProps {
  to: string;
  label: string;
  icon: ReactNode;
}

function NavItem({ to, label, icon }: NavItemProps) {
  const active = useMatch({ path: to, end: true }) != null;
  return (
    <ListItem disablePadding>
      <ListItemButton component={NavLink} to={to} selected={active} sx={{ borderRadius: 1, mx: 1 }}>
        <ListItemIcon sx={{ minWidth: 36 }}>{icon}</ListItemIcon>
        <ListItemText primary={label} />
      </ListItemButton>
    </ListItem>
  );
}

/** User › API Keys, Team › Service Accounts, Team › Members, Team › Audit Log and, for administrators, Team › Whose key is this? and Team › Settings. */
export function NavigationList({ slug, isAdmin }: { slug: string; isAdmin: boolean }) {
  // Rendered in both the mobile and the desktop drawer: ids must differ.
  const userId = useId();
  const teamId = useId();
  return (
    <>
      <ListSubheader id={userId} component="div" sx={{ background: 'transparent' }}>
        User
      </ListSubheader>
      <List dense aria-labelledby={userId} sx={{ pt: 0 }}>
        <NavItem to={paths.apiKeys.href(slug)} label="API Keys" icon={<KeyIcon />} />
      </List>
      <ListSubheader id={teamId} component="div" sx={{ background: 'transparent' }}>
        Team
      </ListSubheader>
      <List dense aria-labelledby={teamId} sx={{ pt: 0 }}>
        <NavItem to={paths.serviceAccounts.href(slug)} label="Service Accounts" icon={<SmartToyIcon />} />
        <NavItem to={paths.members.href(slug)} label="Members" icon={<GroupsIcon />} />
        <NavItem to={paths.auditLog.href(slug)} label="Audit Log" icon={<HistoryIcon />} />
        {isAdmin ? <NavItem to={paths.keyLookup.href(slug)} label="Whose key is this?" icon={<KeyIcon />} /> : null}
        {isAdmin ? <NavItem to={paths.tenantSettings.href(slug)} label="Settings" icon={<SettingsIcon />} /> : null}
      </List>
    </>
  );
}
