import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The page sizes a list offers; the server's default page is larger, so no list relies on it. */
export const PAGE_SIZES = [25, 50, 100] as const;
export const PAGE_SIZE = PAGE_SIZES[0];

/** The GraphQL variables for a zero-based page. */
export function pageVariables(page: number, size: number = PAGE_SIZE): { limit: number; offset: number } {
  return { limit: size, offset: page * size };
}

export function lastPage(total: number, size: number = PAGE_SIZE): number {
  return Math.max(0, Math.ceil(total / size) - 1);
}

export interface Paging {
  /** Zero-based. */
  page: number;
  size: number;
  setPage: (page: number) => void;
  /** A new size keeps the first row of the current page on screen. */
  setSize: (size: number) => void;
}

/** A zero-based page from its one-based URL form; anything else is the first page. */
export function parsePage(value: string | null): number {
  const parsed = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(parsed) && parsed > 1 ? parsed - 1 : 0;
}

/** One of PAGE_SIZES, else the first. */
export function parsePageSize(value: string | null): number {
  const parsed = Number(value);
  return PAGE_SIZES.find((size) => size === parsed) ?? PAGE_SIZE;
}

/** Writes a page and size into URL parameters; the first page and the default size leave them plain. */
export function writePaging(params: URLSearchParams, { page, size }: { page: number; size: number }, names = { page: 'page', size: 'size' }): URLSearchParams {
  if (page > 0) params.set(names.page, String(page + 1));
  else params.delete(names.page);
  if (size !== PAGE_SIZE) params.set(names.size, String(size));
  else params.delete(names.size);
  return params;
}

/** The page that shows row `firstRow` at a new size. */
function pageWithRow(firstRow: number, size: number): number {
  return Math.floor(firstRow / size);
}

/**
 * A list's page and page size, kept in the URL (one-based, `?page=2&size=50`) so a reload
 * or a shared link shows the same rows. `prefix` names a second list on the same page
 * (`invitations-page`, `invitations-size`).
 */
export function useUrlPaging(prefix = ''): Paging {
  const names = { page: prefix ? `${prefix}-page` : 'page', size: prefix ? `${prefix}-size` : 'size' };
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get(names.page));
  const size = parsePageSize(params.get(names.size));
  const write = useCallback(
    (next: (current: { page: number; size: number }) => { page: number; size: number }) =>
      setParams(
        (current) => {
          const now = { page: parsePage(current.get(names.page)), size: parsePageSize(current.get(names.size)) };
          return writePaging(new URLSearchParams(current), next(now), names);
        },
        { replace: true },
      ),
    // names is rebuilt from prefix on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [prefix, setParams],
  );
  const setPage = useCallback((next: number) => write((now) => ({ ...now, page: next })), [write]);
  const setSize = useCallback((next: number) => write((now) => ({ page: pageWithRow(now.page * now.size, next), size: next })), [write]);
  return { page, size, setPage, setSize };
}

/** The same, held by the component (a panel inside a page whose URL holds another list's page). */
export function useLocalPaging(): Paging {
  const [state, setState] = useState<{ page: number; size: number }>({ page: 0, size: PAGE_SIZE });
  const setPage = useCallback((page: number) => setState((now) => ({ ...now, page })), []);
  const setSize = useCallback((size: number) => setState((now) => ({ page: pageWithRow(now.page * now.size, size), size })), []);
  return { page: state.page, size: state.size, setPage, setSize };
}

/**
 * Paging for a list whose page and size are part of a larger view kept in the URL (with
 * its filters and sort): `change` writes the page and size into that view.
 */
export function useViewPaging(page: number, size: number, change: (next: { page: number; size: number }) => void): Paging {
  return useMemo(
    () => ({
      page,
      size,
      setPage: (next: number) => change({ page: next, size }),
      setSize: (next: number) => change({ page: pageWithRow(page * size, next), size: next }),
    }),
    [page, size, change],
  );
}

/**
 * A page past the end (after removing the last rows of the last page, or an old link)
 * moves to the last page, once the total is known.
 */
export function useClampPage(page: number, total: number | null, setPage: (page: number) => void, size: number = PAGE_SIZE): void {
  useEffect(() => {
    if (total !== null && page > lastPage(total, size)) setPage(lastPage(total, size));
  }, [page, total, setPage, size]);
}
