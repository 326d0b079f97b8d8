import FormControl from '@mui/material/FormControl';
import type { InputBaseComponentProps } from '@mui/material/InputBase';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import { forwardRef, useId, type ReactNode } from 'react';

/** The element the field renders: the browser's own <select>, with its own arrow. */
const SelectElement = forwardRef<HTMLSelectElement, InputBaseComponentProps>(function SelectElement(props, ref) {
  return <select ref={ref} {...props} />;
});

export interface NativeSelectFieldProps {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  minWidth: number;
  /** The <option>s. */
  children: ReactNode;
}

/**
 * A small outlined field around the browser's <select>: what the key list's filters and the
 * pager's rows per page use. Neither TextField with MUI's Select (Menu, Popover and Modal,
 * about 18 kB gzip) nor NativeSelect (its arrow icon and styles, about 1.5 kB) is in the
 * first page's JavaScript for it; a native select also suits phones and screen readers.
 */
export function NativeSelectField({ label, value, onChange, minWidth, children }: NativeSelectFieldProps) {
  const id = useId();
  return (
    <FormControl size="small" variant="outlined" sx={{ minWidth }}>
      <InputLabel htmlFor={id} shrink>
        {label}
      </InputLabel>
      <OutlinedInput
        id={id}
        label={label}
        notched
        inputComponent={SelectElement}
        inputProps={{ children }}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        sx={{ '& select': { cursor: 'pointer' } }}
      />
    </FormControl>
  );
}
