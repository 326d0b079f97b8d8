import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import { Suspense, useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { lazyNamed } from '../../lib/lazy';
import { useMountedOnceWanted } from '../../lib/use-mounted-once-wanted';
import { paths } from '../../lib/paths';
import { useLogOut } from './use-log-out';

// The popover (and MUI's Popover, Modal and MenuList) loads when first wanted.
const UserMenuPopover = lazyNamed(() => import('./user-menu-popover'), 'UserMenuPopover');
const preload = () => void UserMenuPopover.preload().catch(() => undefined);

interface UserMenuProps {
  username: string;
  email: string | null;
}

export function UserMenu({ username, email }: UserMenuProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const navigate = useNavigate();
  const { tenant = '' } = useParams();
  const [logOut, { loading }] = useLogOut();
  const menuMounted = useMountedOnceWanted(anchor !== null);

  const signOut = async () => {
    setAnchor(null);
    await logOut();
    void navigate(paths.signIn.href(), { replace: true });
  };

  return (
    <>
      <IconButton
        aria-label={`Account: ${username}`}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? menuId : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        onPointerEnter={preload}
        onFocus={preload}
        edge="end"
      >
        {/* An avatar's look without MUI's Avatar (its image fallbacks are 1 kB gzip of the first page). */}
        <Box
          component="span"
          aria-hidden
          sx={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            width: 32,
            height: 32,
            borderRadius: '50%',
            fontSize: '0.95rem',
            lineHeight: 1,
            bgcolor: 'primary.main',
            color: 'primary.contrastText',
          }}
        >
          {username.slice(0, 1).toUpperCase()}
        </Box>
      </IconButton>
      {menuMounted && (
        <Suspense fallback={null}>
          <UserMenuPopover
            id={menuId}
            anchorEl={anchor}
            onClose={() => setAnchor(null)}
            username={username}
            email={email}
            accountHref={paths.account.href(tenant)}
            signingOut={loading}
            onSignOut={() => void signOut()}
          />
        </Suspense>
      )}
    </>
  );
}
