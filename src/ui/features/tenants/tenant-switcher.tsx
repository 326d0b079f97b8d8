import AddIcon from '@mui/icons-material/Add';
import CheckIcon from '@mui/icons-material/Check';
import UnfoldMoreIcon from '@mui/icons-material/UnfoldMore';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { visuallyHidden } from '../../lib/visually-hidden';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { lazy, Suspense, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { roleLabel } from '../../lib/roles';
import type { TenantMembership } from '../../lib/tenant-context';

const CreateTenantDialog = lazy(() =>
  import('./create-tenant-dialog').then((m) => ({ default: m.CreateTenantDialog })),
);

/** `/acme/team/members` → `/globex/team/members`: switching keeps the current page. */
export function pathInTenant(pathname: string, slug: string): string {
  const rest = pathname.split('/').slice(2).join('/');
  return `/${slug}/${rest || 'user/keys'}`;
}

interface TenantSwitcherProps {
  memberships: TenantMembership[];
  /** null when the URL names a tenant the caller does not belong to. */
  currentSlug: string | null;
}

export function TenantSwitcher({ memberships, currentSlug }: TenantSwitcherProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const menuId = useId();
  const current = memberships.find((m) => m.tenant.slug === currentSlug);

  const go = (slug: string) => {
    setAnchor(null);
    navigate(current ? pathInTenant(location.pathname, slug) : `/${slug}/user/keys`);
  };

  return (
    <>
      <Button
        color="inherit"
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? menuId : undefined}
        endIcon={<UnfoldMoreIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ textTransform: 'none', minWidth: 0, maxWidth: { xs: 180, sm: 320 } }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          <Box component="span" sx={visuallyHidden}>
            Tenant:{' '}
          </Box>
          {current ? current.tenant.name : 'Choose a tenant'}
        </span>
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor != null} onClose={() => setAnchor(null)}>
        {memberships.map((m) => (
          <MenuItem key={m.id} selected={m.tenant.slug === currentSlug} onClick={() => go(m.tenant.slug)}>
            <ListItemIcon>{m.tenant.slug === currentSlug ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
            <ListItemText primary={m.tenant.name} secondary={roleLabel(m.role)} />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setCreating(true);
          }}
        >
          <ListItemIcon>
            <AddIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Create tenant" />
        </MenuItem>
      </Menu>
      {creating ? (
        <Suspense fallback={null}>
          <CreateTenantDialog
            onClose={() => setCreating(false)}
            onCreated={(slug) => {
              setCreating(false);
              navigate(current ? pathInTenant(location.pathname, slug) : `/${slug}/user/keys`);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
