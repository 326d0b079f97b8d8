import { useMutation } from '@apollo/client/react';
import Avatar from '@mui/material/Avatar';
import IconButton from '@mui/material/IconButton';
import { Suspense, useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';
import { lazyNamed } from '../../lib/lazy';
import { useMountedOnceWanted } from '../../lib/use-mounted-once-wanted';

// The popover (and MUI's Popover, Modal and MenuList) loads when first wanted (issue 7).
const UserMenuPopover = lazyNamed(() => import('./user-menu-popover'), 'UserMenuPopover');
const preload = () => void UserMenuPopover.preload().catch(() => undefined);

const LogOutMutation = graphql(`
  mutation LogOut {
    log_out {
      success
    }
  }
`);

interface UserMenuProps {
  username: string;
  email: string | null;
}

export function UserMenu({ username, email }: UserMenuProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const navigate = useNavigate();
  const clients = useApolloClients();
  const [logOut, { loading }] = useMutation(LogOutMutation);
  const menuMounted = useMountedOnceWanted(anchor !== null);

  const signOut = async () => {
    setAnchor(null);
    try {
      await logOut();
    } catch {
      // An expired session is as signed out as it gets; go to sign-in regardless.
    }
    await clients.reset();
    navigate('/sign-in', { replace: true });
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
        <Avatar sx={{ width: 32, height: 32, fontSize: '0.95rem', bgcolor: 'primary.main', color: 'primary.contrastText' }}>
          {username.slice(0, 1).toUpperCase()}
        </Avatar>
      </IconButton>
      {menuMounted && (
        <Suspense fallback={null}>
          <UserMenuPopover
            id={menuId}
            anchorEl={anchor}
            onClose={() => setAnchor(null)}
            username={username}
            email={email}
            signingOut={loading}
            onSignOut={() => void signOut()}
          />
        </Suspense>
      )}
    </>
  );
}
