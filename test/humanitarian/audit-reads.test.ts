// Who reads the person-read audit (issue 18, item 5): the neutral intermediary of a process (the ICRC,
// custodian of the lists) reads that process's humanitarian entries — every read of a person's record,
// refusals by the other side included — through GET /api/audit; nobody else gains anything: the host,
// the sides, the guarantors, an observer and the administrator do not see them.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../src/contracts/audit.ts";
import { appendAudit } from "../../src/server/platform/audit.ts";
import { type Role, withRolesWorld } from "./roles-world.ts";

const w = withRolesWorld();

const auditOf = async (role: Role, query = "") => {
  const response = await w.get(`/api/audit?limit=200${query}`, role);
  return {
    status: response.statusCode,
    entries: response.statusCode === 200 ? (response.json().entries as AuditEntry[]) : [],
  };
};

describe("the person-read audit", () => {
  it("shows the ICRC a refused read of a list by the other side, and its own reads", async () => {
    expect((await w.get(`/api/humanitarian/lists/${w.governmentList}`, "opposition")).statusCode).toBe(404);
    expect((await w.get(`/api/humanitarian/lists/${w.governmentList}`, "icrc")).statusCode).toBe(200);
    const { status, entries } = await auditOf("icrc", `&subjectId=${w.governmentList}`);
    expect(status).toBe(200);
    const reads = entries.map((entry) => `${entry.action} ${entry.actorLabel} ${entry.outcome}`);
    expect(reads).toContain("humanitarian.list.get syrian-opposition@example.org denied");
    expect(reads).toContain("humanitarian.list.get icrc@example.org ok");
    const refusal = entries.find((entry) => entry.outcome === "denied");
    expect(refusal).toMatchObject({ processId: w.cast.fx.processId, tier: "intermediary" });
    expect(refusal?.data).toMatchObject({ read: true, exists: true });
  });

  it("gives the ICRC the process's humanitarian entries and nothing else of the log", async () => {
    const { entries } = await auditOf("icrc");
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.action.startsWith("humanitarian."), entry.action).toBe(true);
      expect(entry.processId).toBe(w.cast.fx.processId);
    }
    // The setting up of the process (roles, delegations) was audited in the same process: not shown.
    const core = await auditOf("secretariat", "&action=core.");
    expect(core.entries.length).toBeGreaterThan(0);
    expect((await auditOf("icrc", "&action=core.")).entries).toEqual([]);
  });

  it("does not show the ICRC another process's humanitarian entries", async () => {
    const otherProcess = randomUUID();
    await w.cast.app.deps.db.transaction(async (tx) => {
      await appendAudit(tx as never, {
        actorId: null,
        actorLabel: "someone@example.org",
        action: "humanitarian.case.get",
        outcome: "ok",
        subjectType: "humanitarian.case",
        subjectId: randomUUID(),
        processId: otherProcess,
        tier: "intermediary",
        data: { read: true, shown: 1 },
      });
    });
    expect((await auditOf("icrc", `&processId=${otherProcess}`)).entries).toEqual([]);
  });

  it("is read by nobody else: the host, the sides, the working group, an observer and the admin", async () => {
    await w.get(`/api/humanitarian/cases/${w.governmentCase}`, "opposition");
    await w.get(`/api/humanitarian/cases/${w.governmentCase}`, "party");
    const seen: Record<string, string> = {};
    for (const role of ["public", "admin", "secretariat", "guarantor", "party", "opposition"] as const) {
      const { status, entries } = await auditOf(role);
      const personal = entries.filter(
        (entry) => entry.subjectId === w.governmentCase || entry.subjectId === w.governmentList,
      );
      const reads = entries.filter((entry) => entry.data.read === true);
      seen[role] = `${status}:${personal.length}:${reads.length}`;
    }
    for (const role of ["observer", "io", "monitor"] as const)
      seen[role] = String((await auditOf(role)).status);
    expect(seen).toEqual({
      public: "401:0:0",
      admin: "200:0:0",
      secretariat: "200:0:0",
      guarantor: "403:0:0",
      party: "403:0:0",
      opposition: "403:0:0",
      observer: "403",
      io: "403",
      monitor: "403",
    });
    // The ICRC reads both: the side's own read and the other side's refusal.
    const { entries } = await auditOf("icrc", `&subjectId=${w.governmentCase}&kind=read`);
    expect(entries.map((entry) => `${entry.actorLabel} ${entry.outcome}`).slice(0, 2)).toEqual([
      "party@example.org ok",
      "syrian-opposition@example.org denied",
    ]);
  });

  it("keeps reads apart from changes with kind=read|change", async () => {
    const reads = await auditOf("icrc", "&kind=read");
    expect(reads.entries.length).toBeGreaterThan(0);
    expect(reads.entries.every((entry) => entry.data.read === true)).toBe(true);
    const changes = await auditOf("icrc", "&kind=change");
    expect(changes.entries.length).toBeGreaterThan(0);
    expect(changes.entries.some((entry) => entry.action === "humanitarian.case.create")).toBe(true);
    expect(changes.entries.every((entry) => entry.data.read !== true)).toBe(true);
    expect((await w.get("/api/audit?kind=both", "icrc")).statusCode).toBe(400);
  });

  it("tells the case's reader whether it may read who read the case", async () => {
    const can = async (role: Role) =>
      (await w.get(`/api/humanitarian/cases/${w.sharedCase}`, role)).json().can.readAudit;
    expect(await can("icrc")).toBe(true);
    expect(await can("opposition")).toBe(false);
    expect(await can("guarantor")).toBe(false);
  });
});
