import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import KeyboardArrowLeft from '@mui/icons-material/KeyboardArrowLeft';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import type { ReactNode } from 'react';
import { LazyTooltip } from './lazy-tooltip';

export interface TablePageNavigationProps {
  /** Rows in the whole list; -1 while unknown (a list without a total: there are more after this page). */
  count: number;
  /** Zero-based. */
  page: number;
  rowsPerPage: number;
  onPageChange: (page: number) => void;
}

/**
 * "1–25 of 40" and previous/next buttons under every list that can grow: what MUI's
 * TablePagination shows with one page size, without its rows-per-page Select, Menu and
 * eager Tooltip (they would weigh on the first page's JavaScript). Same labels, so it
 * reads the same to people and tests; a list whose total is unknown reads
 * "1–25 of more than 25", as MUI's does.
 */
export function TablePageNavigation({ count, page, rowsPerPage, onPageChange }: TablePageNavigationProps) {
  const known = count !== -1;
  const from = count === 0 ? 0 : page * rowsPerPage + 1;
  const to = known ? Math.min(count, (page + 1) * rowsPerPage) : (page + 1) * rowsPerPage;
  const last = known ? Math.max(0, Math.ceil(count / rowsPerPage) - 1) : Infinity;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 2.5, minHeight: 52, pl: 2, pr: 1 }}>
      <Typography variant="body2">
        {from}–{to} of {known ? count : `more than ${to}`}
      </Typography>
      <Box sx={{ display: 'flex' }}>
        <PageButton label="Go to previous page" disabled={page <= 0} onClick={() => onPageChange(page - 1)}>
          <KeyboardArrowLeft />
        </PageButton>
        <PageButton label="Go to next page" disabled={page >= last} onClick={() => onPageChange(page + 1)}>
          <KeyboardArrowRight />
        </PageButton>
      </Box>
    </Box>
  );
}

function PageButton({ label, disabled, onClick, children }: { label: string; disabled: boolean; onClick: () => void; children: ReactNode }) {
  const button = (
    <IconButton aria-label={label} disabled={disabled} onClick={onClick} color="inherit">
      {children}
    </IconButton>
  );
  // A disabled button gets no pointer events, hence no tooltip (as MUI does).
  return disabled ? button : <LazyTooltip title={label}>{button}</LazyTooltip>;
}
