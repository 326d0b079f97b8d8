import LogoutIcon from '@mui/icons-material/Logout';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';

export interface UserMenuPopoverProps {
  id: string;
  anchorEl: HTMLElement | null;
  onClose: () => void;
  username: string;
  email: string | null;
  signingOut: boolean;
  onSignOut: () => void;
}

/**
 * The account menu's content, loaded at its first opening. A popover rather than a Menu:
 * the name and email above the menu are not menu items.
 */
export function UserMenuPopover({ id, anchorEl, onClose, username, email, signingOut, onSignOut }: UserMenuPopoverProps) {
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
