import Tooltip, { type TooltipProps } from '@mui/material/Tooltip';

export interface TooltipPopupProps {
  id: string;
  title: string;
  open: boolean;
  anchorEl: HTMLElement;
  placement: TooltipProps['placement'];
}

/**
 * MUI's Tooltip (look, placement, transition, role "tooltip") shown over anchorEl, for
 * LazyTooltip, which owns the triggers. The hidden span only satisfies Tooltip's child.
 */
export function TooltipPopup({ id, title, open, anchorEl, placement }: TooltipPopupProps) {
  return (
    <Tooltip
      id={id}
      title={title}
      open={open}
      placement={placement}
      disableInteractive
      disableHoverListener
      disableFocusListener
      disableTouchListener
      slotProps={{ popper: { anchorEl } }}
    >
      <span hidden />
    </Tooltip>
  );
}
