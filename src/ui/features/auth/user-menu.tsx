import { useMutation } from '@apollo/client/react';
import LogoutIcon from '@mui/icons-material/Logout';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../../gql';
import { useApolloClients } from '../../lib/apollo-clients-context';

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
        edge="end"
      >
        <Avatar sx={{ width: 32, height: 32, fontSize: '0.95rem', bgcolor: 'primary.main', color: 'primary.contrastText' }}>
          {username.slice(0, 1).toUpperCase()}
        </Avatar>
      </IconButton>
      {/* A popover rather than a Menu: the name and email above the menu are not menu items. */}
      <Popover
        anchorEl={anchor}
        open={anchor != null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ px: 2, py: 1, maxWidth: 280 }}>
          <Typography sx={{ fontWeight: 600 }} noWrap>
            {username}
          </Typography>
          {email ? (
            <Typography variant="body2" sx={{ color: 'text.secondary' }} noWrap>
              {email}
            </Typography>
          ) : null}
        </Box>
        <Divider />
        <MenuList id={menuId} autoFocusItem aria-label="Account">
          <MenuItem onClick={signOut} disabled={loading}>
            <ListItemIcon>
              <LogoutIcon fontSize="small" />
            </ListItemIcon>
            Sign out
          </MenuItem>
        </MenuList>
      </Popover>
    </>
  );
}
