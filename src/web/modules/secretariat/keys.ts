/** Every cached answer of the secretariat's pages sits under this key, so one invalidation refreshes them all. */
export const recordKey = ["secretariat"] as const;
