import { useApolloClient } from '@apollo/client/react';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useId, useState } from 'react';
import type { Audit_Event_Bool_Exp } from '../../gql/graphql';
import { describeProblem } from '../../lib/errors';
import { download, EXPORT_TYPES, fetchAuditEvents, toCsv, toJsonLines, type ExportFormat, type ExportProgress } from './audit-export';

interface AuditExportMenuProps {
  /** The filter the page shows: the export holds the same events, every page of them. */
  where: Audit_Event_Bool_Exp;
  /** The file's name without its extension. */
  fileName: string;
  /** Nothing to export (no events match). */
  disabled?: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Export ▾ → CSV or JSON lines of the filtered range, fetched page by page with its progress. */
export function AuditExportMenu({ where, fileName, disabled = false }: AuditExportMenuProps) {
  const client = useApolloClient();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = progress !== null;

  const run = async (format: ExportFormat) => {
    setAnchor(null);
    setError(null);
    setProgress({ done: 0, total: 0 });
    try {
      const events = await fetchAuditEvents(client, where, setProgress);
      const { extension, type } = EXPORT_TYPES[format];
      download(format === 'csv' ? toCsv(events) : toJsonLines(events), `${fileName}.${extension}`, type);
    } catch (caught) {
      setError(describeProblem(caught).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 1 }}>
      <Button
        startIcon={busy ? <CircularProgress size={16} color="inherit" /> : <DownloadIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        disabled={busy || disabled}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {busy ? 'Exporting…' : 'Export'}
      </Button>
      <Box role="status" aria-label="Export progress" sx={{ typography: 'body2', color: 'text.secondary', minHeight: 0 }}>
        {busy && progress.total > 0 ? `${count(progress.done)} of ${count(progress.total)} events` : null}
      </Box>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {(Object.keys(EXPORT_TYPES) as ExportFormat[]).map((format) => (
          <MenuItem key={format} onClick={() => void run(format)}>
            {EXPORT_TYPES[format].label}
          </MenuItem>
        ))}
      </Menu>
      {error ? (
        <Alert severity="error" onClose={() => setError(null)}>
          Could not export the audit log: {error}
        </Alert>
      ) : null}
    </Box>
  );
}
