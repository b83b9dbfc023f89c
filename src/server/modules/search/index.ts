// The search module's public surface: the only file other modules may import. It never hands out tables.
export { ensureSearchIndexFresh, lastSearchIndexRefresh } from "./freshness.ts";
export { refreshSearchIndex } from "./index-writer.ts";
export { searchModule } from "./module.ts";
export { searchRecord } from "./query.ts";
