import UnfoldMoreIcon from '@mui/icons-material/UnfoldMore';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { Suspense, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { LazyDialogSlot } from '../../components/lazy-dialog-slot';
import { lazyNamed } from '../../lib/lazy';
import type { TenantMembership } from '../../lib/tenant-context';
import { useMountedOnceWanted } from '../../lib/use-mounted-once-wanted';
import { pathInTenant, tenantHome } from '../../lib/paths';

// The menu (and MUI's Menu, Popover and Modal) loads when first wanted, and the dialog with it.
const TenantMenu = lazyNamed(() => import('./tenant-menu'), 'TenantMenu');
const CreateTenantDialog = lazyNamed(() => import('./create-tenant-dialog'), 'CreateTenantDialog');
const preload = () => {
  void TenantMenu.preload().catch(() => undefined);
  void CreateTenantDialog.preload().catch(() => undefined);
};

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
  const menuMounted = useMountedOnceWanted(anchor !== null);

  const go = (slug: string) => {
    setAnchor(null);
    void navigate(current ? pathInTenant(location.pathname, slug) : tenantHome(slug));
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
        onPointerEnter={preload}
        onFocus={preload}
        sx={{ textTransform: 'none', minWidth: 0, maxWidth: { xs: 180, sm: 320 } }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          <Box component="span" sx={visuallyHidden}>
            Tenant:{' '}
          </Box>
          {current ? current.tenant.name : 'Choose a tenant'}
        </span>
      </Button>
      {menuMounted && (
        <Suspense fallback={null}>
          <TenantMenu
            id={menuId}
            anchorEl={anchor}
            onClose={() => setAnchor(null)}
            memberships={memberships}
            currentSlug={currentSlug}
            onChoose={go}
            onCreate={() => {
              setAnchor(null);
              setCreating(true);
            }}
          />
        </Suspense>
      )}
      <LazyDialogSlot open={creating}>
        <CreateTenantDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(slug) => {
            setCreating(false);
            void navigate(current ? pathInTenant(location.pathname, slug) : tenantHome(slug));
          }}
        />
      </LazyDialogSlot>
    </>
  );
}
