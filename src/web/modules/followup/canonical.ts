// Search results and the server's links name a process by its id; the pages' addresses use its slug.
import { useEffect } from "react";
import { useLocation, useNavigate } from "react-router";
import { useProcessRef } from "./queries.ts";

/**
 * Opened with the process's id (a search result's path), a follow-up page shows the same record and
 * then replaces its address with the slug's, so the address shared or bookmarked is the readable one.
 */
export function useSlugAddress(ref: string): void {
  const process = useProcessRef(ref);
  const location = useLocation();
  const navigate = useNavigate();
  const slug = process.data?.slug;
  useEffect(() => {
    if (!slug || slug === ref) return;
    const prefix = `/processes/${encodeURIComponent(ref)}`;
    if (!location.pathname.startsWith(prefix)) return;
    const pathname = `/processes/${encodeURIComponent(slug)}${location.pathname.slice(prefix.length)}`;
    navigate({ pathname, search: location.search, hash: location.hash }, { replace: true });
  }, [slug, ref, location.pathname, location.search, location.hash, navigate]);
}
