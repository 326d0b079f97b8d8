import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import OutlinedInput from '@mui/material/OutlinedInput';
import Typography from '@mui/material/Typography';
import FirstPageIcon from '@mui/icons-material/FirstPage';
import KeyboardArrowLeft from '@mui/icons-material/KeyboardArrowLeft';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import LastPageIcon from '@mui/icons-material/LastPage';
import { useId, useState, type ReactNode } from 'react';
import { PAGE_SIZES, type Paging } from '../lib/paging';
import { LazyTooltip } from './lazy-tooltip';
import { NativeSelectField } from './native-select-field';

export interface TablePageNavigationProps {
  /** Rows in the whole list; -1 while unknown (a list without a total: there are more after this page). */
  count: number;
  /** The list's page and size (lib/paging.ts: useUrlPaging or useLocalPaging). */
  paging: Paging;
}

const numbers = new Intl.NumberFormat();

/**
 * The pager under every list that can grow: rows per page (25, 50, 100), "1–50 of 2,000",
 * first, previous, the page number (type one to jump), next and last. Built from native
 * inputs rather than MUI's TablePagination, whose Select, Menu and eager Tooltip would
 * weigh on the first page's JavaScript. A list whose total is unknown reads
 * "1–25 of more than 25" and cannot jump to its end.
 */
export function TablePageNavigation({ count, paging }: TablePageNavigationProps) {
  const { page, size, setPage, setSize } = paging;
  const known = count !== -1;
  const from = count === 0 ? 0 : page * size + 1;
  const to = known ? Math.min(count, (page + 1) * size) : (page + 1) * size;
  const last = known ? Math.max(0, Math.ceil(count / size) - 1) : Infinity;

  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'flex-end',
        flexWrap: 'wrap',
        columnGap: 2,
        rowGap: 1,
        minHeight: 52,
        py: 1,
        pl: 2,
        pr: 1,
      }}
    >
      <NativeSelectField label="Rows per page" value={size} onChange={(value) => setSize(Number(value))} minWidth={128}>
        {PAGE_SIZES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </NativeSelectField>
      <Typography variant="body2" aria-live="polite">
        {numbers.format(from)}–{numbers.format(to)} of {known ? numbers.format(count) : `more than ${numbers.format(to)}`}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <PageButton label="Go to first page" disabled={page <= 0} onClick={() => setPage(0)}>
          <FirstPageIcon />
        </PageButton>
        <PageButton label="Go to previous page" disabled={page <= 0} onClick={() => setPage(page - 1)}>
          <KeyboardArrowLeft />
        </PageButton>
        <PageNumber key={page} page={page} last={last} onPage={setPage} />
        <PageButton label="Go to next page" disabled={page >= last} onClick={() => setPage(page + 1)}>
          <KeyboardArrowRight />
        </PageButton>
        <PageButton label="Go to last page" disabled={!known || page >= last} onClick={() => setPage(last)}>
          <LastPageIcon />
        </PageButton>
      </Box>
    </Box>
  );
}

/** The current page's number; typing another and pressing Enter (or leaving the field) goes there. */
function PageNumber({ page, last, onPage }: { page: number; last: number; onPage: (page: number) => void }) {
  const [text, setText] = useState(String(page + 1));
  const id = useId();
  const commit = () => {
    const wanted = Number.parseInt(text, 10);
    if (!Number.isFinite(wanted)) return setText(String(page + 1));
    const next = Math.min(Math.max(wanted - 1, 0), last);
    if (next !== page) onPage(next);
    else setText(String(page + 1));
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mx: 0.5 }}>
      <Typography component="label" htmlFor={id} variant="body2">
        Page
      </Typography>
      <OutlinedInput
        id={id}
        size="small"
        value={text}
        onChange={(e) => setText(e.target.value.replace(/\D/g, ''))}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        slotProps={{ input: { inputMode: 'numeric', 'aria-describedby': Number.isFinite(last) ? `${id}-of` : undefined, size: 3 } }}
        sx={{ width: '4.5rem', '& input': { textAlign: 'center', py: 0.5 } }}
      />
      {Number.isFinite(last) ? (
        <Typography id={`${id}-of`} variant="body2">
          of {numbers.format(last + 1)}
        </Typography>
      ) : null}
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
