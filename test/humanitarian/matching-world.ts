// The people of the matching tests and the world they are listed in: a process with two sides, the
// government's list (Samir, Khaled, a stranger) and the opposition's (the same two spelt otherwise, and
// Layla entered twice), written as the module writes them.
import type { Actor } from "../../src/server/platform/authz.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { buildFixtures, type Fixtures, fixtureActor, fixtureProcess } from "../helpers/fixtures.ts";
import { addOtherSide, insertList, type TestPerson } from "./matching-helpers.ts";

export const samir: TestPerson = {
  arabic: { given: "سمير", father: "أحمد", grandfather: "إبراهيم", family: "الحلبي", mother: "فاطمة" },
  sex: "male",
  birthDate: "1980-02-01",
  eventDate: "2014-03-01",
  eventPlace: "حمص",
};
export const samirInLatin: TestPerson = {
  latin: { given: "Sameer", father: "Ahmed", family: "el-Halabi", mother: "Fatmeh" },
  sex: "male",
  birthDate: "1980-02-01",
  eventYear: 2014,
  eventPlace: "Homs",
};
export const khaled: TestPerson = {
  latin: { given: "Khaled", father: "Omar", grandfather: "Youssef", family: "Haddad" },
  sex: "male",
  birthYear: 1975,
};
export const khaledInArabic: TestPerson = {
  arabic: { given: "خالد", father: "عمر", grandfather: "يوسف", family: "الحداد" },
  sex: "male",
  birthYear: 1975,
};
export const stranger: TestPerson = {
  latin: { given: "Nizar", father: "Ali", family: "Qabbani" },
  sex: "male",
  birthYear: 1990,
};
export const layla: TestPerson = {
  latin: { given: "Layla", father: "Hassan", family: "Attar" },
  sex: "female",
  birthYear: 1985,
};
export const laylaAgain: TestPerson = {
  arabic: { given: "ليلى", father: "حسن", family: "العطار" },
  sex: "female",
  birthYear: 1985,
};

export type ListIds = { listId: string; entryIds: string[] };

export type MatchingWorld = {
  app: TestApp;
  fixtures: Fixtures;
  processId: string;
  intermediary: Actor;
  lists: { government: ListIds; opposition: ListIds };
};

/** A test server with one fixture process, its intermediary, and the two sides' lists. */
export async function openMatchingWorld(): Promise<MatchingWorld> {
  const app = await startTestApp();
  const fixtures = await buildFixtures(app.deps.db, 1);
  const process = fixtureProcess(fixtures);
  const processId = process.id;
  const intermediary = await fixtureActor(app.deps.db, process.accounts.intermediary);
  const other = await addOtherSide(app.deps.db, process);
  const lists = {
    government: await insertList(
      app.deps.db,
      { processId, participantId: process.participantIds.party, delegationId: process.delegationIds.party },
      "Held by the government",
      [samir, khaled, stranger],
    ),
    opposition: await insertList(app.deps.db, { processId, ...other }, "Sought by the opposition", [
      khaledInArabic,
      samirInLatin,
      layla,
      laylaAgain,
    ]),
  };
  return { app, fixtures, processId, intermediary, lists };
}
