// `astana humanitarian exchanges|exchange|exchange-plan|exchange-add|exchange-confirm|exchange-complete|
// exchange-cancel`: the exchanges, each command calling the same operation or read as its route.
import type { Command } from "commander";
import { json, processOption } from "../../../cli/options.ts";
import { act, output, type Session } from "../../../cli/session.ts";
import * as contracts from "../../../contracts/humanitarian.ts";
import { processRef } from "../core/index.ts";
import { addExchangePerson } from "./operations/add-exchange-person.ts";
import { cancelExchange } from "./operations/cancel-exchange.ts";
import { completeExchange } from "./operations/complete-exchange.ts";
import { confirmRelease } from "./operations/confirm-release.ts";
import { planExchange } from "./operations/plan-exchange.ts";
import { getExchange, listExchanges } from "./reads/exchanges.ts";

type SideRef = (
  s: Session,
  process: string | undefined,
  side: string,
) => Promise<{ processId: string; delegationId: string }>;

/** The exchange commands under `astana humanitarian`. */
export function registerExchangeCommands(hum: Command, sideRef: SideRef): void {
  json(
    processOption(hum.command("exchanges").description("The exchanges (humanitarian.exchange.list)")),
  ).action(
    act(async (s, o: { process?: string }) =>
      output(
        await listExchanges(s.db, s.actor, await processRef(s, o.process)),
        () => contracts.ExchangeList,
        (value) =>
          value.exchanges
            .map(
              (e) =>
                `${e.id}  ${e.on ?? e.dateNote ?? "undated"}  ${e.kind} ${e.state}  ${e.ratio ?? "counts unknown"}  ${e.place ?? ""}`,
            )
            .join("\n"),
      ),
    ),
  );
  json(
    hum
      .command("exchange")
      .description("One exchange with its people (humanitarian.exchange.get)")
      .argument("<id>"),
  ).action(
    act(async (s, _o, [id]) =>
      output(
        await getExchange(s.db, s.actor, id ?? ""),
        () => contracts.ExchangeDetail,
        (e) =>
          [
            `${e.id}: ${e.on ?? "undated"} ${e.place ?? ""}, ${e.ratio ?? "counts unknown"}, ${e.state}`,
            ...e.people.map(
              (p) =>
                `  ${p.id} case ${p.caseId} released by ${p.releasingDelegationId}${p.confirmedAt ? `, confirmed ${p.confirmedAt}` : ""}`,
            ),
          ].join("\n"),
      ),
    ),
  );
  json(
    processOption(
      hum
        .command("exchange-plan")
        .description("Plan an exchange, N for M (humanitarian.exchange.plan)")
        .requiredOption("--on <day>", "yyyy-mm-dd")
        .requiredOption("--place <place>", "where")
        .requiredOption("--first <side>", "the first side (releases --first-releases)")
        .requiredOption("--second <side>", "the second side")
        .requiredOption("--first-releases <n>", "how many the first side releases")
        .requiredOption("--second-releases <n>", "how many the second side releases")
        .option("--intermediary <name>", "the neutral intermediary, e.g. ICRC"),
    ),
  ).action(
    act(
      async (
        s,
        o: {
          process?: string;
          on: string;
          place: string;
          first: string;
          second: string;
          firstReleases: string;
          secondReleases: string;
          intermediary?: string;
        },
      ) => {
        const first = await sideRef(s, o.process, o.first);
        const second = await sideRef(s, o.process, o.second);
        const created = await s.run(planExchange, {
          processId: first.processId,
          on: o.on,
          place: o.place,
          intermediaryName: o.intermediary,
          firstDelegationId: first.delegationId,
          secondDelegationId: second.delegationId,
          firstReleases: Number(o.firstReleases),
          secondReleases: Number(o.secondReleases),
        });
        return output(
          created,
          () => contracts.Created,
          (value) => `Exchange ${value.id} planned.`,
        );
      },
    ),
  );
  json(
    processOption(
      hum
        .command("exchange-add")
        .description("Add a person (a case) a side releases (humanitarian.exchange.add-person)")
        .argument("<exchange>")
        .requiredOption("--case <id>", "the case")
        .requiredOption("--releasing <side>", "the side releasing the person"),
    ),
  ).action(
    act(async (s, o: { process?: string; case: string; releasing: string }, [exchangeId]) => {
      const side = await sideRef(s, o.process, o.releasing);
      const added = await s.run(addExchangePerson, {
        exchangeId: exchangeId ?? "",
        caseId: o.case,
        releasingDelegationId: side.delegationId,
      });
      return output(
        added,
        () => contracts.Created,
        (value) => `Person ${value.id} added.`,
      );
    }),
  );
  json(
    hum
      .command("exchange-confirm")
      .description("Confirm one person's release (humanitarian.exchange.confirm-release)")
      .argument("<person>"),
  ).action(
    act(async (s, _o, [personId]) =>
      output(
        await s.run(confirmRelease, { personId: personId ?? "" }),
        () => contracts.Created,
        () => `Release ${personId} confirmed.`,
      ),
    ),
  );
  json(
    hum
      .command("exchange-complete")
      .description("Complete an exchange: all cases released, or none (humanitarian.exchange.complete)")
      .argument("<exchange>"),
  ).action(
    act(async (s, _o, [exchangeId]) =>
      output(
        await s.run(completeExchange, { exchangeId: exchangeId ?? "" }),
        () => contracts.Created,
        (value) => `Exchange ${value.id} completed: ${value.released} released.`,
      ),
    ),
  );
  json(
    hum
      .command("exchange-cancel")
      .description("Cancel an exchange with a reason (humanitarian.exchange.cancel)")
      .argument("<exchange>")
      .requiredOption("--reason <text>", "why"),
  ).action(
    act(async (s, o: { reason: string }, [exchangeId]) =>
      output(
        await s.run(cancelExchange, { exchangeId: exchangeId ?? "", reason: o.reason }),
        () => contracts.Created,
        () => `Exchange ${exchangeId} cancelled.`,
      ),
    ),
  );
}
