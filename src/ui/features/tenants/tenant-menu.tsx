import AddIcon from '@mui/icons-material/Add';
import CheckIcon from '@mui/icons-material/Check';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { roleLabel } from '../../lib/roles';
import type { TenantMembership } from '../../lib/tenant-context';

export interface TenantMenuProps {
  id: string;
  anchorEl: HTMLElement | null;
  onClose: () => void;
  memberships: TenantMembership[];
  currentSlug: string | null;
  onChoose: (slug: string) => void;
  onCreate: () => void;
}

/** The tenant switcher's menu, loaded at its first opening. */
export function TenantMenu({ id, anchorEl, onClose, memberships, currentSlug, onChoose, onCreate }: TenantMenuProps) {
  return (
    <Menu id={id} anchorEl={anchorEl} open={anchorEl != null} onClose={onClose}>
      {memberships.map((m) => (
        <MenuItem key={m.id} selected={m.tenant.slug === currentSlug} onClick={() => onChoose(m.tenant.slug)}>
          <ListItemIcon>{m.tenant.slug === currentSlug ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
          <ListItemText primary={m.tenant.name} secondary={roleLabel(m.role)} />
        </MenuItem>
      ))}
      <Divider />
      <MenuItem onClick={onCreate}>
        <ListItemIcon>
          <AddIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText primary="Create tenant" />
      </MenuItem>
    </Menu>
  );
}
