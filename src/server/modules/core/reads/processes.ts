import { asc, eq, inArray } from "drizzle-orm";
import type { ProcessDetail, ProcessSummary } from "../../../../contracts/process.ts";
import type { Actor } from "../../../platform/authz.ts";
import type { Db } from "../../../platform/db.ts";
import { disputedMark, disputesIn } from "../../../platform/disputes.ts";
import { localName, preloadTexts } from "../../../platform/text-versions.ts";
import { canCreateProcess, processCan } from "../policies.ts";
import {
  participantRef,
  presentDecision,
  presentRoleAssignment,
  presentRoleChange,
} from "../presenters/process.ts";
import { processDecisions, processes, processRoleAssignments, roleChanges } from "../schema.ts";
import {
  findProcess,
  type ParticipantRow,
  type ProcessRow,
  participantsById,
  spanCovers,
  today,
} from "./common.ts";

/** The process's decisions, their translations loaded for the read being answered. */
async function preloadDecisions<Row extends { id: string }>(db: Db, rows: Row[]): Promise<Row[]> {
  await preloadTexts(
    db,
    "process_decision",
    rows.map((row) => row.id),
  );
  return rows;
}

function presentProcess(
  row: ProcessRow,
  host: ParticipantRow,
  launched: boolean,
  actor: Actor,
): ProcessSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.names.en,
    names: row.names,
    localized: { name: localName(row.names) },
    status: row.status,
    host: participantRef(host),
    defaultCity: row.defaultCity,
    defaultVenue: row.defaultVenue,
    timezone: row.timezone,
    launchedOn: row.launchedOn,
    isDemo: row.isDemo,
    version: row.version,
    can: processCan(actor, { id: row.id, status: row.status, launched }),
  };
}

/** Every process (processes are public), with what the actor may do. */
export async function listProcesses(db: Db, actor: Actor) {
  const rows = await db.select().from(processes).orderBy(asc(processes.launchedOn), asc(processes.slug));
  const hosts = await participantsById(
    db,
    rows.map((row) => row.hostParticipantId),
  );
  const decided =
    rows.length === 0
      ? []
      : await db
          .selectDistinct({ processId: processDecisions.processId })
          .from(processDecisions)
          .where(
            inArray(
              processDecisions.processId,
              rows.map((row) => row.id),
            ),
          );
  const launched = new Set(decided.map((row) => row.processId));
  return {
    items: rows.flatMap((row) => {
      const host = hosts.get(row.hostParticipantId);
      return host ? [presentProcess(row, host, launched.has(row.id), actor)] : [];
    }),
    can: { create: canCreateProcess(actor) },
  };
}

/** One process by id or slug: its host, status, lifecycle decisions, guarantors and roles. */
export async function getProcess(db: Db, actor: Actor, ref: string): Promise<ProcessDetail> {
  const row = await findProcess(db, ref);
  const [decisions, assignments, changes] = await Promise.all([
    db
      .select()
      .from(processDecisions)
      .where(eq(processDecisions.processId, row.id))
      .orderBy(asc(processDecisions.decidedOn), asc(processDecisions.createdAt)),
    db
      .select()
      .from(processRoleAssignments)
      .where(eq(processRoleAssignments.processId, row.id))
      .orderBy(asc(processRoleAssignments.fromDate), asc(processRoleAssignments.createdAt)),
    db
      .select()
      .from(roleChanges)
      .where(eq(roleChanges.processId, row.id))
      .orderBy(asc(roleChanges.occurredOn), asc(roleChanges.createdAt)),
  ]);
  const people = await participantsById(db, [
    row.hostParticipantId,
    ...assignments.map((assignment) => assignment.participantId),
    ...changes.map((change) => change.participantId),
  ]);
  const host = people.get(row.hostParticipantId);
  if (!host) throw new Error(`process ${row.id} has no host participant`);
  const disputes = await disputesIn(db, actor, row.id);
  const history = assignments.flatMap((assignment) => {
    const participant = people.get(assignment.participantId);
    return participant
      ? [
          {
            ...presentRoleAssignment(assignment, participant, row.slug),
            ...disputedMark(disputes, "role_assignment", assignment.id, "toDate"),
          },
        ]
      : [];
  });
  const day = today();
  const current = history.filter((assignment) => spanCovers(assignment, day));
  const guarantors = current
    .filter((assignment) => assignment.role === "guarantor")
    .map((assignment) => assignment.participant)
    .filter((participant, index, all) => all.findIndex((other) => other.id === participant.id) === index);
  await preloadTexts(
    db,
    "role_change",
    changes.map((change) => change.id),
  );
  return {
    ...presentProcess(row, host, decisions.length > 0, actor),
    decisions: (await preloadDecisions(db, decisions)).map((decision) => ({
      ...presentDecision(decision),
      ...disputedMark(disputes, "process_decision", decision.id, "decidedOn"),
    })),
    guarantors,
    roles: current,
    roleHistory: history,
    roleChanges: changes.flatMap((change) => {
      const participant = people.get(change.participantId);
      return participant
        ? [
            {
              ...presentRoleChange(change, participant, row.slug),
              ...disputedMark(disputes, "role_change", change.id, "change"),
            },
          ]
        : [];
    }),
  };
}
