import { useState } from 'react';
import Stack from '@mui/material/Stack';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { isValid } from 'date-fns';
import { DateLocalization } from '../../components/date-localization';
import { formatDay, parseDay } from './audit-log-state';

export interface AuditDateRangeProps {
  /** yyyy-MM-dd or ''. */
  from: string;
  to: string;
  onChange: (range: { from: string; to: string }) => void;
}

/** The value a picker may hand back: a day, nothing, or a half-typed (invalid) date. */
type PickerValue = Date | null;

function useDayField(day: string) {
  // The field keeps what is being typed; the URL only gets whole, valid days.
  const [value, setValue] = useState<PickerValue>(() => parseDay(day));
  const [lastDay, setLastDay] = useState(day);
  if (day !== lastDay) {
    setLastDay(day);
    setValue(parseDay(day));
  }
  return [value, setValue] as const;
}

/**
 * From and To days for the audit log. Loaded lazily: the pickers are the heaviest part
 * of the page and most visits never touch them.
 */
export function AuditDateRange({ from, to, onChange }: AuditDateRangeProps) {
  const [fromValue, setFromValue] = useDayField(from);
  const [toValue, setToValue] = useDayField(to);
  const fromDay = parseDay(from);
  const toDay = parseDay(to);

  const commit = (which: 'from' | 'to', value: PickerValue) => {
    if (value !== null && !isValid(value)) return;
    const day = value ? formatDay(value) : '';
    // A range that ends before it starts stays in the field, marked invalid, until fixed.
    if (which === 'from' && day && to && day > to) return;
    if (which === 'to' && day && from && day < from) return;
    onChange(which === 'from' ? { from: day, to } : { from, to: day });
  };

  return (
    <DateLocalization>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DatePicker
          label="From"
          value={fromValue}
          maxDate={toDay ?? undefined}
          disableFuture
          onChange={(value) => {
            setFromValue(value);
            commit('from', value);
          }}
          slotProps={{
            field: { clearable: true },
            textField: { size: 'small', sx: { width: { xs: '100%', sm: 180 } } },
          }}
        />
        <DatePicker
          label="To"
          value={toValue}
          minDate={fromDay ?? undefined}
          disableFuture
          onChange={(value) => {
            setToValue(value);
            commit('to', value);
          }}
          slotProps={{
            field: { clearable: true },
            textField: { size: 'small', sx: { width: { xs: '100%', sm: 180 } } },
          }}
        />
      </Stack>
    </DateLocalization>
  );
}
