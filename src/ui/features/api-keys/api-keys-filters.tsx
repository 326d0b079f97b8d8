import { useEffect, useRef, useState } from 'react';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';
import type { TenantMembership } from '../../lib/tenant-context';
import { STATUS_FILTERS, STATUS_LABELS, type StatusFilter } from './api-keys-list-state';

const SEARCH_DELAY_MS = 300;

export interface ApiKeysFiltersProps {
  search: string;
  tenant: string;
  status: StatusFilter | '';
  memberships: TenantMembership[];
  filtered: boolean;
  onSearch: (search: string) => void;
  onTenant: (slug: string) => void;
  onStatus: (status: StatusFilter | '') => void;
  onClear: () => void;
}

export function ApiKeysFilters({
  search,
  tenant,
  status,
  memberships,
  filtered,
  onSearch,
  onTenant,
  onStatus,
  onClear,
}: ApiKeysFiltersProps) {
  // Typing updates the box at once and the URL (hence the query) after a pause.
  const [text, setText] = useState(search);
  const [lastSearch, setLastSearch] = useState(search);
  if (search !== lastSearch) {
    setLastSearch(search);
    setText(search);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const changeText = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(value), SEARCH_DELAY_MS);
  };

  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={2}
      sx={{ mb: 2, alignItems: { sm: 'center' } }}
      role="search"
      aria-label="Filter API keys"
    >
      <TextField
        type="search"
        label="Search by name"
        size="small"
        value={text}
        onChange={(e) => changeText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            clearTimeout(timer.current);
            onSearch(text);
          }
        }}
        sx={{ minWidth: 220 }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <TextField
        select
        label="Tenant"
        size="small"
        value={tenant}
        onChange={(e) => onTenant(e.target.value)}
        sx={{ minWidth: 180 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">All tenants</MenuItem>
        {memberships.map((m) => (
          <MenuItem key={m.tenant.id} value={m.tenant.slug}>
            {m.tenant.name}
          </MenuItem>
        ))}
        {tenant && !memberships.some((m) => m.tenant.slug === tenant) && (
          // A shared link may name a tenant this user is not in: show it rather than a blank box.
          <MenuItem value={tenant}>{tenant}</MenuItem>
        )}
      </TextField>
      <TextField
        select
        label="Status"
        size="small"
        value={status}
        onChange={(e) => onStatus(e.target.value as StatusFilter | '')}
        sx={{ minWidth: 160 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">All statuses</MenuItem>
        {STATUS_FILTERS.map((s) => (
          <MenuItem key={s} value={s}>
            {STATUS_LABELS[s]}
          </MenuItem>
        ))}
      </TextField>
      {filtered && (
        <Button onClick={onClear} size="small">
          Clear filters
        </Button>
      )}
    </Stack>
  );
}
