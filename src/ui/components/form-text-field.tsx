import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { Controller, type Control, type ControllerProps, type FieldPath, type FieldValues } from 'react-hook-form';

export type FormTextFieldProps<T extends FieldValues, N extends FieldPath<T>> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'error'> & {
  control: Control<T>;
  name: N;
  rules?: ControllerProps<T, N>['rules'];
};

/**
 * MUI's TextField bound to a react-hook-form field: the field's error, once there is
 * one, replaces the helper text. Selects too (`select` with MenuItems as children).
 */
export function FormTextField<T extends FieldValues, N extends FieldPath<T>>({ control, name, rules, helperText, ...props }: FormTextFieldProps<T, N>) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field: { ref, ...field }, fieldState }) => (
        <TextField {...props} {...field} inputRef={ref} error={fieldState.error !== undefined} helperText={fieldState.error?.message ?? helperText} />
      )}
    />
  );
}
