import { useEffect, useId, useRef, useState } from 'react';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import InputAdornment from '@mui/material/InputAdornment';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import Stack from '@mui/material/Stack';
import SearchIcon from '@mui/icons-material/Search';
import { NativeSelectField } from '../../components/native-select-field';
import type { TenantMembership } from '../../lib/tenant-context';
import { STATUS_FILTERS, STATUS_LABELS, type StatusFilter } from './api-keys-list-state';

const SEARCH_DELAY_MS = 300;

// The filters are native selects (components/native-select-field.tsx) and an outlined search field.

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

export function ApiKeysFilters({ search, tenant, status, memberships, filtered, onSearch, onTenant, onStatus, onClear }: ApiKeysFiltersProps) {
  // Typing updates the box at once and the URL (hence the query) after a pause.
  const [text, setText] = useState(search);
  const [lastSearch, setLastSearch] = useState(search);
  if (search !== lastSearch) {
    setLastSearch(search);
    setText(search);
  }
  const ids = useId();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const changeText = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(value), SEARCH_DELAY_MS);
  };

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }} role="search" aria-label="Filter API keys">
      <FormControl size="small" sx={{ minWidth: 240 }}>
        <InputLabel htmlFor={`${ids}-search`}>Search by name or hint</InputLabel>
        <OutlinedInput
          id={`${ids}-search`}
          type="search"
          label="Search by name or hint"
          placeholder="laptop, kpu_igpm"
          value={text}
          onChange={(e) => changeText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              clearTimeout(timer.current);
              onSearch(text);
            }
          }}
          startAdornment={
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          }
        />
      </FormControl>
      <NativeSelectField label="Tenant" value={tenant} onChange={onTenant} minWidth={180}>
        <option value="">All tenants</option>
        {memberships.map((m) => (
          <option key={m.tenant.id} value={m.tenant.slug}>
            {m.tenant.name}
          </option>
        ))}
        {tenant && !memberships.some((m) => m.tenant.slug === tenant) && (
          // A shared link may name a tenant this user is not in: show it rather than a blank box.
          <option value={tenant}>{tenant}</option>
        )}
      </NativeSelectField>
      <NativeSelectField label="Status" value={status} onChange={(value) => onStatus(value as StatusFilter | '')} minWidth={160}>
        <option value="">All statuses</option>
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </NativeSelectField>
      {filtered && (
        <Button onClick={onClear} size="small">
          Clear filters
        </Button>
      )}
    </Stack>
  );
}
