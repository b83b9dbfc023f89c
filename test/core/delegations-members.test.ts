import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture } from "../helpers/process-fixtures.ts";
import { russianList, submitMembers, withDelegationsRound } from "./delegations-setup.ts";

let app: TestApp;
let fx: ProcessFixture;
let roundId: string;
let invited: Record<string, string>;

withDelegationsRound("invited", (round) => ({ app, fx, roundId, invited } = round));
const submit = (participant: string, members: unknown[], as: string | undefined) =>
  submitMembers({ app, fx, roundId }, participant, members, as);

describe("submitting lists of members", () => {
  it("lets the delegation submit its own list, with names in their own script and in Latin letters", async () => {
    const response = await submit("russia", russianList, fx.as.guarantor);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: "submitted",
      head: { nameLatin: "Alexander Lavrentiev", nameNative: "Александр Лаврентьев", isHead: true },
      can: { submitMembers: true, accredit: false },
    });
    expect(response.json().members.map((m: { nameLatin: string }) => m.nameLatin)).toEqual([
      "Alexander Lavrentiev",
      "Sergey Vershinin",
    ]);
  });

  it("requires exactly one head (422 naming members) and writes nothing otherwise", async () => {
    const before = await countRows(app, "delegation_members");
    const none = await submit("iran", [{ nameLatin: "Ali Asghar Khaji" }], fx.as.secretariat);
    expect(none.statusCode).toBe(422);
    expect(none.json().error.details.issues[0].path).toEqual(["members"]);
    const two = await submit(
      "iran",
      [
        { nameLatin: "Ali Asghar Khaji", isHead: true },
        { nameLatin: "Ali Bagheri", isHead: true },
      ],
      fx.as.secretariat,
    );
    expect(two.statusCode).toBe(422);
    expect(two.json().error.details.issues[0].path).toEqual(["members", 1, "isHead"]);
    expect(await countRows(app, "delegation_members")).toBe(before);
    const iran = await app.request({
      method: "GET",
      url: `/api/round-delegations/${invited.iran}`,
      as: fx.as.secretariat,
    });
    expect(iran.json().status).toBe("invited");
  });

  it("refuses members for a participant not invited (422 naming participantId) and writes nothing", async () => {
    const before = await countRows(app, "delegation_members");
    for (const participant of ["united-nations", "nobody-at-all"]) {
      const response = await submit(participant, [{ nameLatin: "Someone", isHead: true }], fx.as.secretariat);
      expect(response.statusCode).toBe(422);
      expect(response.json().error.details.issues[0].path).toEqual(["participantId"]);
      expect(response.json().error.message).toContain(participant);
    }
    expect(await countRows(app, "delegation_members")).toBe(before);
  });

  it("does not let one delegation submit another's list, nor reveal that it was invited", async () => {
    const before = await countRows(app, "delegation_members");
    const hidden = await submit("iran", [{ nameLatin: "Impostor", isHead: true }], fx.as.party);
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().error.details.issues[0].path).toEqual(["participantId"]);
    const anonymous = await submit("iran", [{ nameLatin: "Impostor", isHead: true }], fx.as.public);
    expect(anonymous.statusCode).toBe(401);
    expect(await countRows(app, "delegation_members")).toBe(before);
  });
});
