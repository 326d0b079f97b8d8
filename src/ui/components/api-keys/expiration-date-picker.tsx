import { DatePicker, type DatePickerProps } from '@mui/x-date-pickers/DatePicker';
import { DateLocalization } from '../date-localization';

/**
 * The create-key dialog's custom expiry day. Its own chunk: MUI X's picker is the
 * heaviest code in the app and most keys get a preset expiry.
 */
export function ExpirationDatePicker(props: DatePickerProps) {
  return (
    <DateLocalization>
      <DatePicker {...props} />
    </DateLocalization>
  );
}
