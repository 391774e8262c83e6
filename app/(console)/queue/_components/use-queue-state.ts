"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { serializeQueueParams, type QueueParams } from "../search-params";

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The queue's state is its URL. Each change replaces the query string (no history entry per
 * keystroke); the server page re-parses it and streams the new page. Filter, sort and page-size
 * changes go back to page 1, so nobody lands on an empty page 7 of a narrower result.
 * `defaults` is the viewer's own default view (their role's specialist scope already applied).
 */
export function useQueueState(params: QueueParams, defaults: QueueParams) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [searchText, setSearchText] = useState(params.q ?? "");
  const latest = useRef(params);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const navigate = useCallback(
    (next: QueueParams) => {
      startTransition(() => router.replace(`${pathname}?${serializeQueueParams(next)}`, { scroll: false }));
    },
    [router, pathname],
  );

  const setFilters = useCallback(
    (patch: Partial<Omit<QueueParams, "page" | "perPage" | "sort" | "dir">>) =>
      navigate({ ...latest.current, ...patch, page: 1 }),
    [navigate],
  );

  const setSearch = useCallback(
    (text: string) => {
      setSearchText(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setFilters({ q: text.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    },
    [setFilters],
  );

  return {
    params,
    pending,
    searchText,
    setSearch,
    setFilters,
    setPage: (page: number) => navigate({ ...params, page: Math.max(1, page) }),
    setPerPage: (perPage: QueueParams["perPage"]) => navigate({ ...params, perPage, page: 1 }),
    setSort: (sort: QueueParams["sort"], dir: QueueParams["dir"]) => navigate({ ...params, sort, dir, page: 1 }),
    /** Back to the role's default view, keeping page size and sort. */
    reset: () => {
      clearTimeout(timer.current);
      setSearchText("");
      navigate({ ...defaults, perPage: params.perPage, sort: params.sort, dir: params.dir });
    },
    isFiltered:
      params.stage.length > 0 ||
      !!params.ball ||
      params.specialist !== defaults.specialist ||
      params.hold !== "any" ||
      !!params.cluster ||
      !!params.q ||
      !!params.cancelled,
  };
}

export type QueueState = ReturnType<typeof useQueueState>;
