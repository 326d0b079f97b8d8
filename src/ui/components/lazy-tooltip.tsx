import type { TooltipProps } from '@mui/material/Tooltip';
import {
  cloneElement,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type TouchEvent,
} from 'react';
import { lazyNamed } from '../lib/lazy';

// MUI's Tooltip brings Popper.js (about 11 kB gzip): it loads on the first hover, keyboard
// focus or long press of an element that has a tooltip, not with the page (issue 7).
const TooltipPopup = lazyNamed(() => import('./tooltip-popup'), 'TooltipPopup');

type Handler<E> = ((event: E) => void) | undefined;
interface ChildProps {
  'aria-label'?: string;
  'aria-describedby'?: string;
  onPointerEnter?: Handler<PointerEvent<HTMLElement>>;
  onPointerLeave?: Handler<PointerEvent<HTMLElement>>;
  onFocus?: Handler<FocusEvent<HTMLElement>>;
  onBlur?: Handler<FocusEvent<HTMLElement>>;
  onKeyDown?: Handler<KeyboardEvent<HTMLElement>>;
  onTouchStart?: Handler<TouchEvent<HTMLElement>>;
  onTouchEnd?: Handler<TouchEvent<HTMLElement>>;
}

export interface LazyTooltipProps {
  title: string;
  /** As MUI's: the title describes the child (aria-describedby) instead of naming it. */
  describeChild?: boolean;
  placement?: TooltipProps['placement'];
  children: ReactElement<ChildProps>;
}

// MUI's defaults.
const ENTER_DELAY_MS = 100;
const TOUCH_DELAY_MS = 700;
const TOUCH_LEAVE_MS = 1500;

function isFocusVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true;
  }
}

/**
 * A tooltip like MUI's (it is MUI's, anchored to the child) whose code loads at first use.
 * The child is never re-mounted, so a click or the keyboard focus is never lost; the
 * triggers are MUI's: mouse hover, keyboard focus, long press, Escape to close.
 */
export function LazyTooltip({ title, describeChild = false, placement = 'bottom', children }: LazyTooltipProps) {
  const id = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const show = (element: HTMLElement, delay: number) => {
    void TooltipPopup.preload().catch(() => undefined);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setAnchor(element);
      setOpen(true);
    }, delay);
  };
  const hide = (delay = 0) => {
    clearTimeout(timer.current);
    if (delay === 0) setOpen(false);
    else timer.current = setTimeout(() => setOpen(false), delay);
  };

  const own = children.props;
  // The handlers read the timer ref when they run, not during render.
  // eslint-disable-next-line react-hooks/refs
  const child = cloneElement(children, {
    ...(describeChild ? { 'aria-describedby': open ? id : own['aria-describedby'] } : { 'aria-label': own['aria-label'] ?? title }),
    onPointerEnter: (event) => {
      own.onPointerEnter?.(event);
      if (event.pointerType === 'mouse') show(event.currentTarget, ENTER_DELAY_MS);
    },
    onPointerLeave: (event) => {
      own.onPointerLeave?.(event);
      if (event.pointerType === 'mouse') hide();
    },
    onFocus: (event) => {
      own.onFocus?.(event);
      if (isFocusVisible(event.currentTarget)) show(event.currentTarget, 0);
    },
    onBlur: (event) => {
      own.onBlur?.(event);
      hide();
    },
    onKeyDown: (event) => {
      own.onKeyDown?.(event);
      if (event.key === 'Escape' && open) hide();
    },
    onTouchStart: (event) => {
      own.onTouchStart?.(event);
      show(event.currentTarget, TOUCH_DELAY_MS);
    },
    onTouchEnd: (event) => {
      own.onTouchEnd?.(event);
      hide(TOUCH_LEAVE_MS);
    },
  } satisfies ChildProps);

  return (
    <>
      {child}
      {anchor && (
        <Suspense fallback={null}>
          <TooltipPopup id={id} title={title} open={open} anchorEl={anchor} placement={placement} />
        </Suspense>
      )}
    </>
  );
}
