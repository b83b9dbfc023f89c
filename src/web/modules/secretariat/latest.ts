import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { recordApi as api } from "./queries.ts";

/**
 * The version of a record a form edits, and a reload that fetches its latest version past the cache:
 * a save refused as stale (a colleague saved first) offers it, and the form goes on from what the
 * colleague saved instead of overwriting it. `afterwards` puts the fresh version into the form.
 * `save` updates the record at its address from the version held, or creates it where none is held.
 */
export function useLatestVersion<T extends { version: number } | null>(
  opened: T,
  source: (record: NonNullable<T>) => { queryKey: QueryKey; path: string },
) {
  const client = useQueryClient();
  const [record, setRecord] = useState<T>(opened);
  const [reloading, setReloading] = useState(false);
  const reload = async (afterwards: (fresh: NonNullable<T>) => void) => {
    if (!record) return;
    const { queryKey, path } = source(record);
    setReloading(true);
    try {
      const fresh = await client.fetchQuery({
        queryKey,
        queryFn: () => api.get<NonNullable<T>>(path),
        staleTime: 0,
      });
      setRecord(fresh);
      afterwards(fresh);
    } finally {
      setReloading(false);
    }
  };
  const save = (fields: object, create: { path: string; fields?: object }) =>
    record
      ? api.patch<NonNullable<T>>(source(record).path, { ...fields, version: record.version })
      : api.post<NonNullable<T>>(create.path, { ...fields, ...create.fields });
  return { record, reloading, reload, save };
}
