import {
  AssignRoleInput,
  CreateProcessInput,
  ProcessDecisionInput,
  ProcessDetail,
  ProcessList,
  RecordRoleChangeInput,
  UpdateProcessInput,
} from "../../../../contracts/process.ts";
import { perform, type ServerDeps, type ZodApp } from "../../../platform/module.ts";
import { defineRead, registerRead } from "../../../platform/read.ts";
import { assignRole } from "../operations/assign-role.ts";
import { concludeProcess } from "../operations/conclude-process.ts";
import { createProcess } from "../operations/create-process.ts";
import { launchProcess } from "../operations/launch-process.ts";
import { recordRoleChange } from "../operations/record-role-change.ts";
import { resumeProcess } from "../operations/resume-process.ts";
import { suspendProcess } from "../operations/suspend-process.ts";
import { updateProcess } from "../operations/update-process.ts";
import { getProcess, listProcesses } from "../reads/processes.ts";
import { IdParams, writeErrors } from "./common.ts";

const tags = ["processes"];

/** Processes: the public list and page, and the secretariat's edits and lifecycle decisions. */
export function registerProcessRoutes(app: ZodApp, deps: ServerDeps): void {
  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.process.list",
      path: "/processes",
      tags,
      summary: "Every process (public)",
      response: ProcessList,
      cache: "per-actor",
      load: async (db, actor) => listProcesses(db, actor),
    }),
  );

  app.post(
    "/processes",
    {
      schema: {
        tags,
        summary: "Create a process with its host and guarantors (core.process.create; administrators)",
        body: CreateProcessInput,
        response: { 201: ProcessDetail, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { id } = await perform(request, deps.db, createProcess, request.body);
      return reply.status(201).send(await getProcess(deps.db, request.actor, id));
    },
  );

  registerRead(
    app,
    deps.db,
    defineRead({
      name: "core.process.get",
      path: "/processes/:id",
      tags,
      summary: "A process by id or slug: host, status, decisions, guarantors, current roles",
      params: IdParams,
      response: ProcessDetail,
      cache: "per-actor",
      load: async (db, actor, { params }) => getProcess(db, actor, params.id),
    }),
  );

  app.patch(
    "/processes/:id",
    {
      schema: {
        tags,
        summary: "Edit a process from the version read (core.process.update; the secretariat)",
        params: IdParams,
        body: UpdateProcessInput,
        response: { 200: ProcessDetail, ...writeErrors },
      },
    },
    async (request) => {
      const { id } = await perform(request, deps.db, updateProcess, {
        ...request.body,
        processId: request.params.id,
      });
      return getProcess(deps.db, request.actor, id);
    },
  );

  const transitions = [
    ["launch", launchProcess, "Record the decision that launched the process"],
    ["suspend", suspendProcess, "Suspend an active process, as a recorded decision"],
    ["conclude", concludeProcess, "Conclude an active or suspended process, as a recorded decision"],
    ["resume", resumeProcess, "Resume a suspended or concluded process, as a recorded decision"],
  ] as const;
  for (const [verb, operation, summary] of transitions) {
    app.post(
      `/processes/:id/${verb}`,
      {
        schema: {
          tags,
          summary: `${summary} (core.process.${verb}; the secretariat)`,
          params: IdParams,
          body: ProcessDecisionInput,
          response: { 200: ProcessDetail, ...writeErrors },
        },
      },
      async (request) => {
        const { id } = await perform(request, deps.db, operation, {
          ...request.body,
          processId: request.params.id,
        });
        return getProcess(deps.db, request.actor, id);
      },
    );
  }

  app.post(
    "/processes/:id/roles",
    {
      schema: {
        tags,
        summary: "Give a participant a role in the process (core.role.assign; the secretariat)",
        params: IdParams,
        body: AssignRoleInput,
        response: { 201: ProcessDetail, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { processId } = await perform(request, deps.db, assignRole, {
        ...request.body,
        processId: request.params.id,
      });
      return reply.status(201).send(await getProcess(deps.db, request.actor, processId));
    },
  );

  app.post(
    "/processes/:id/role-changes",
    {
      schema: {
        tags,
        summary: "Record a change of a participant's standing (core.role-change.record; the secretariat)",
        params: IdParams,
        body: RecordRoleChangeInput,
        response: { 201: ProcessDetail, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { processId } = await perform(request, deps.db, recordRoleChange, {
        ...request.body,
        processId: request.params.id,
      });
      return reply.status(201).send(await getProcess(deps.db, request.actor, processId));
    },
  );
}
