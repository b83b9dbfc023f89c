// The process a data benchmark imports into: made through the same audited operations as in the product,
// so the bench measures the product's writes on a record shaped like a real one.

import { createParticipant, createProcess } from "../../src/server/modules/core/index.ts";
import type { Actor } from "../../src/server/platform/authz.ts";
import type { Db } from "../../src/server/platform/db.ts";
import { runOperation } from "../../src/server/platform/operation.ts";

/** A process with the slug `bench`, hosted by a state participant `host`; returns the process's id. */
export async function createBenchProcess(db: Db, actor: Actor): Promise<string> {
  const deps = { db };
  const host = await runOperation(deps, createParticipant, actor, {
    slug: "host",
    kind: "state",
    names: { en: "Host" },
  });
  const created = await runOperation(deps, createProcess, actor, {
    slug: "bench",
    names: { en: "Bench" },
    hostParticipantId: host.id,
  });
  return created.id;
}
