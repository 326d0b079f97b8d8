import Drawer from '@mui/material/Drawer';
import Toolbar from '@mui/material/Toolbar';
import type { ReactNode } from 'react';

export interface MobileNavigationProps {
  open: boolean;
  onClose: () => void;
  width: number;
  children: ReactNode;
}

/**
 * The navigation as a sliding drawer on small screens; loaded at its first opening. It
 * opens below the top bar (the bar's menu button stays there to close it again), and
 * scrolls when a short screen cannot show every entry.
 */
export function MobileNavigation({ open, onClose, width, children }: MobileNavigationProps) {
  return (
    <Drawer
      variant="temporary"
      open={open}
      onClose={onClose}
      sx={{ display: { xs: 'block', md: 'none' }, zIndex: (t) => t.zIndex.appBar - 1, '& .MuiDrawer-paper': { width, overflowY: 'auto' } }}
    >
      <Toolbar />
      {children}
    </Drawer>
  );
}
