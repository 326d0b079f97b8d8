import LogoutIcon from '@mui/icons-material/Logout';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router-dom';

export interface UserMenuPopoverProps {
  id: string;
  anchorEl: HTMLElement | null;
  onClose: () => void;
  username: string;
  email: string | null;
  /** The Account page, in the tenant on screen. */
  accountHref: string;
  signingOut: boolean;
  onSignOut: () => void;
}

/**
 * The account menu's content, loaded at its first opening. A popover rather than a Menu:
 * the name and email above the menu are not menu items.
 */
export function UserMenuPopover({ id, anchorEl, onClose, username, email, accountHref, signingOut, onSignOut }: UserMenuPopoverProps) {
  return (
    <Popover
      anchorEl={anchorEl}
      open={anchorEl != null}
      onClose={onClose}
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
      <MenuList id={id} autoFocusItem aria-label="Account">
        <MenuItem component={Link} to={accountHref} onClick={onClose}>
          <ListItemIcon>
            <ManageAccountsIcon fontSize="small" />
          </ListItemIcon>
          Account
        </MenuItem>
        <MenuItem onClick={onSignOut} disabled={signingOut}>
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          Sign out
        </MenuItem>
      </MenuList>
    </Popover>
  );
}
