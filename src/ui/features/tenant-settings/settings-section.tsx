import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

interface SettingsSectionProps {
  title: string;
  description: ReactNode;
  /** The danger zone: a red border, for what cannot be undone. */
  danger?: boolean;
  children: ReactNode;
}

/** One part of Team › Settings: a heading, what it changes, and its form. */
export function SettingsSection({ title, description, danger = false, children }: SettingsSectionProps) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: { xs: 2, sm: 3 }, borderColor: danger ? 'error.main' : undefined }}>
      <Typography id={headingId} variant="h2" sx={{ mb: 0.5, color: danger ? 'error.main' : undefined }}>
        {title}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2, maxWidth: 640 }}>
        {description}
      </Typography>
      {children}
    </Paper>
  );
}
