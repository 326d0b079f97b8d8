import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Rows per page in every list: the server's default page is larger, so no list relies on it. */
export const PAGE_SIZE = 25;

/** The GraphQL variables for a zero-based page. */
export function pageVariables(page: number, size = PAGE_SIZE): { limit: number; offset: number } {
  return { limit: size, offset: page * size };
}

export function lastPage(total: number, size = PAGE_SIZE): number {
  return Math.max(0, Math.ceil(total / size) - 1);
}

/**
 * A list's zero-based page, kept in the URL (one-based, `?page=2`) so a reload or a
 * shared link shows the same rows; the first page leaves the URL plain.
 */
export function usePageParam(name = 'page'): [number, (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const parsed = Number.parseInt(params.get(name) ?? '1', 10);
  const page = Number.isFinite(parsed) && parsed > 1 ? parsed - 1 : 0;
  const setPage = useCallback(
    (next: number) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next > 0) updated.set(name, String(next + 1));
          else updated.delete(name);
          return updated;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [page, setPage];
}

/**
 * A page past the end (after removing the last rows of the last page, or an old link)
 * moves to the last page, once the total is known.
 */
export function useClampPage(page: number, total: number | null, setPage: (page: number) => void, size = PAGE_SIZE): void {
  useEffect(() => {
    if (total !== null && page > lastPage(total, size)) setPage(lastPage(total, size));
  }, [page, total, setPage, size]);
}
