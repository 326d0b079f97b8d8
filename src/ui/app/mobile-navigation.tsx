import Drawer from '@mui/material/Drawer';
import type { ReactNode } from 'react';

export interface MobileNavigationProps {
  open: boolean;
  onClose: () => void;
  width: number;
  children: ReactNode;
}

/** The navigation as a sliding drawer on small screens; loaded at its first opening. */
export function MobileNavigation({ open, onClose, width, children }: MobileNavigationProps) {
  return (
    <Drawer variant="temporary" open={open} onClose={onClose} sx={{ display: { xs: 'block', md: 'none' }, '& .MuiDrawer-paper': { width } }}>
      {children}
    </Drawer>
  );
}
