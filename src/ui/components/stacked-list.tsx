import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface StackedItem {
  id: string;
  /** What the row is about (a key's name, an event's action), as a heading. */
  title: ReactNode;
  /** The table's other columns, as label and value. */
  details: { label: string; value: ReactNode }[];
  /** The row's buttons (a trash icon), at the item's right. */
  actions?: ReactNode;
}

export interface StackedListProps {
  items: StackedItem[];
  label?: string;
  labelledBy?: string;
}

/**
 * A table's rows on a phone: one item per row, its columns stacked as a description
 * list, so a list of six columns fits 390 px without scrolling sideways. Long names wrap
 * at word boundaries, and inside a word only when it is longer than the line.
 */
export function StackedList({ items, label, labelledBy }: StackedListProps) {
  return (
    <Box component="ul" aria-label={label} aria-labelledby={labelledBy} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {items.map((item) => (
        <Box
          component="li"
          key={item.id}
          sx={{ display: 'flex', gap: 1, px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider', '&:last-child': { borderBottom: 0 } }}
        >
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography component="h3" variant="subtitle2" sx={{ overflowWrap: 'break-word', mb: 0.5 }}>
              {item.title}
            </Typography>
            <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: 1.5, rowGap: 0.25, typography: 'body2' }}>
              {item.details.map((detail) => (
                <Box key={detail.label} sx={{ display: 'contents' }}>
                  <Box component="dt" sx={{ color: 'text.secondary' }}>
                    {detail.label}
                  </Box>
                  <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'break-word' }}>
                    {detail.value}
                  </Box>
                </Box>
              ))}
            </Box>
          </Box>
          {item.actions ? <Box sx={{ alignSelf: 'flex-start' }}>{item.actions}</Box> : null}
        </Box>
      ))}
    </Box>
  );
}
