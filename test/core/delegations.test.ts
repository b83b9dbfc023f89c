import { beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { countRows, type ProcessFixture, withProcessFixture } from "../helpers/process-fixtures.ts";

let app: TestApp;
let fx: ProcessFixture;
let roundId: string;
const invited: Record<string, string> = {};

withProcessFixture((started) => ({ app, fx } = started));
beforeAll(async () => {
  const round = await app.request({
    method: "POST",
    url: `/api/processes/${fx.slug}/rounds`,
    as: fx.as.secretariat,
    payload: {
      number: 23,
      names: { en: "Astana 23", ru: "Астана 23", ar: "أستانا 23" },
      startDate: "2025-05-12",
      endDate: "2025-05-13",
    },
  });
  roundId = round.json().id;
});

const russianList = [
  {
    nameNative: "Александр Лаврентьев",
    nameLatin: "Alexander Lavrentiev",
    title: "Special Presidential Envoy",
    isHead: true,
  },
  { nameNative: "Сергей Вершинин", nameLatin: "Sergey Vershinin", title: "Deputy Minister" },
];

async function invite(participantId: string, role?: string) {
  return app.request({
    method: "POST",
    url: `/api/rounds/${roundId}/delegations`,
    as: fx.as.secretariat,
    payload: role ? { participantId, role } : { participantId },
  });
}

async function submit(participant: string, members: unknown[], as: string | undefined) {
  return app.request({
    method: "PUT",
    url: `/api/rounds/${roundId}/delegations/${participant}/members`,
    as,
    payload: { members },
  });
}

describe("inviting delegations", () => {
  it("invites participants in their current role and opens a standing delegation where there is none", async () => {
    const before = await countRows(app, "delegations");
    for (const participant of ["russia", "turkiye", "iran", "syrian-government", "jordan", "kazakhstan"]) {
      const response = await invite(participant);
      expect(response.statusCode, response.body).toBe(201);
      invited[participant] = response.json().id;
    }
    expect((await invite("russia")).statusCode).toBe(409);
    expect(await countRows(app, "delegations")).toBe(before + 2);
    const russia = await app.request({
      method: "GET",
      url: `/api/round-delegations/${invited.russia}`,
      as: fx.as.secretariat,
    });
    expect(russia.json()).toMatchObject({
      role: "guarantor",
      status: "invited",
      delegationId: fx.delegationOf.russia,
    });
    const jordan = await app.request({
      method: "GET",
      url: `/api/round-delegations/${invited.jordan}`,
      as: fx.as.secretariat,
    });
    expect(jordan.json().role).toBe("observer");
  });

  it("needs a role for a participant that holds none (422 naming role) and refuses one invited twice (409 naming participantId)", async () => {
    const before = await countRows(app, "round_delegations");
    const noRole = await invite("united-states");
    expect(noRole.statusCode).toBe(422);
    expect(noRole.json().error.details.issues[0].path).toEqual(["role"]);
    const twice = await invite("jordan");
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.field).toBe("participantId");
    expect(await countRows(app, "round_delegations")).toBe(before);
    const withRole = await invite("united-states", "observer");
    expect(withRole.statusCode).toBe(201);
    invited["united-states"] = withRole.json().id;
  });

  it("keeps an invitation between the secretariat and that delegation until accreditation", async () => {
    for (const [who, status] of [
      [fx.as.public, 404],
      [fx.as.admin, 404],
      [fx.as.party, 404],
      [fx.as.observer, 404],
      [fx.as.guarantor, 200],
      [fx.as.secretariat, 200],
    ] as const) {
      const response = await app.request({
        method: "GET",
        url: `/api/round-delegations/${invited.russia}`,
        as: who,
      });
      expect(response.statusCode).toBe(status);
    }
    const partyList = await app.request({
      method: "GET",
      url: `/api/rounds/${roundId}/delegations`,
      as: fx.as.party,
    });
    expect(partyList.json().items.map((d: { participant: { slug: string } }) => d.participant.slug)).toEqual([
      "syrian-government",
    ]);
    const secretariatList = await app.request({
      method: "GET",
      url: `/api/rounds/${roundId}/delegations`,
      as: fx.as.secretariat,
    });
    expect(secretariatList.json().items).toHaveLength(7);
    expect(secretariatList.json().can).toEqual({ invite: true });
  });
});

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

describe("accreditation", () => {
  it("sends a list back with a note only the delegation and the secretariat read, then accredits the resubmitted list", async () => {
    await submit(
      "syrian-government",
      [{ nameLatin: "Ayman Sousan", title: "Deputy Foreign Minister", isHead: true }],
      fx.as.party,
    );
    const id = invited["syrian-government"];
    const back = await app.request({
      method: "POST",
      url: `/api/round-delegations/${id}/request-changes`,
      as: fx.as.secretariat,
      payload: { note: "Please add the names in Arabic." },
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({
      status: "changes_requested",
      secretariatNote: "Please add the names in Arabic.",
    });
    const early = await app.request({
      method: "POST",
      url: `/api/round-delegations/${id}/accredit`,
      as: fx.as.secretariat,
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.currentStatus).toBe("changes_requested");

    const own = await app.request({ method: "GET", url: `/api/round-delegations/${id}`, as: fx.as.party });
    expect(own.json()).toMatchObject({
      secretariatNote: "Please add the names in Arabic.",
      can: { submitMembers: true },
    });
    const again = await submit(
      "syrian-government",
      [
        {
          nameNative: "أيمن سوسان",
          nameLatin: "Ayman Sousan",
          title: "Deputy Foreign Minister",
          isHead: true,
        },
      ],
      fx.as.party,
    );
    expect(again.json().status).toBe("submitted");
    const accredited = await app.request({
      method: "POST",
      url: `/api/round-delegations/${id}/accredit`,
      as: fx.as.secretariat,
      payload: {},
    });
    expect(accredited.statusCode, accredited.body).toBe(200);
    expect(accredited.json()).toMatchObject({
      status: "accredited",
      can: { accredit: false, submitMembers: false },
    });
    const resubmit = await submit(
      "syrian-government",
      [{ nameLatin: "Someone else", isHead: true }],
      fx.as.party,
    );
    expect(resubmit.statusCode).toBe(409);
  });

  it("puts accredited delegations on the public list of participants once the round is announced", async () => {
    const russia = await app.request({
      method: "POST",
      url: `/api/round-delegations/${invited.russia}/accredit`,
      as: fx.as.secretariat,
      payload: { version: 2 },
    });
    expect(russia.statusCode, russia.body).toBe(200);
    await submit(
      "jordan",
      [{ nameNative: "أيمن الصفدي", nameLatin: "Ayman Safadi", title: "Foreign Minister", isHead: true }],
      fx.as.observer,
    );
    await app.request({
      method: "POST",
      url: `/api/round-delegations/${invited.jordan}/accredit`,
      as: fx.as.secretariat,
      payload: {},
    });

    expect(
      (await app.request({ method: "GET", url: `/api/rounds/${roundId}/participants-list` })).statusCode,
    ).toBe(404);
    const announce = await app.request({
      method: "POST",
      url: `/api/rounds/${roundId}/announce`,
      as: fx.as.secretariat,
      payload: { publishedOn: "2025-04-20", text: "Astana, 12-13 May." },
    });
    expect(announce.statusCode).toBe(200);

    const round = (await app.request({ method: "GET", url: `/api/rounds/${roundId}` })).json();
    expect(round.delegations.map((d: { participant: { slug: string } }) => d.participant.slug)).toEqual([
      "jordan",
      "russia",
      "syrian-government",
    ]);
    expect(round.delegations.every((d: { secretariatNote: unknown }) => d.secretariatNote === null)).toBe(
      true,
    );
    expect(round.participants.guarantor).toEqual([
      expect.objectContaining({ slug: "russia", attendance: "unknown" }),
    ]);
    expect(
      (await app.request({ method: "GET", url: `/api/round-delegations/${invited.iran}` })).statusCode,
    ).toBe(404);
    expect(
      (await app.request({ method: "GET", url: `/api/round-delegations/${invited.russia}` })).statusCode,
    ).toBe(200);

    const list = (
      await app.request({ method: "GET", url: `/api/rounds/${roundId}/participants-list` })
    ).json();
    expect(list.order).toBe("english_alphabetical");
    expect(list.entries.map((e: { participant: { name: string } }) => e.participant.name)).toEqual([
      "Jordan",
      "Russia",
      "Syrian government",
    ]);
    expect(list.entries[1]).toMatchObject({
      position: 2,
      role: "guarantor",
      head: { nameLatin: "Alexander Lavrentiev" },
    });
    const byRole = (
      await app.request({
        method: "GET",
        url: `/api/rounds/${roundId}/participants-list?order=role_then_alphabetical`,
      })
    ).json();
    expect(byRole.entries.map((e: { role: string }) => e.role)).toEqual(["guarantor", "party", "observer"]);
  });

  it("stores a custom order of precedence that names only invited participants", async () => {
    const participantsOf = fx.participants;
    const bad = await app.request({
      method: "PUT",
      url: `/api/rounds/${roundId}/precedence`,
      as: fx.as.secretariat,
      payload: { order: "custom", customOrder: [participantsOf["united-nations"].id] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.issues[0].path).toEqual(["customOrder", 0]);
    const good = await app.request({
      method: "PUT",
      url: `/api/rounds/${roundId}/precedence`,
      as: fx.as.secretariat,
      payload: {
        order: "custom",
        customOrder: [
          participantsOf["syrian-government"].id,
          participantsOf.jordan.id,
          participantsOf.russia.id,
        ],
      },
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().precedence.order).toBe("custom");
    const list = (
      await app.request({ method: "GET", url: `/api/rounds/${roundId}/participants-list` })
    ).json();
    expect(list.order).toBe("custom");
    expect(list.entries.map((e: { participant: { slug: string } }) => e.participant.slug)).toEqual([
      "syrian-government",
      "jordan",
      "russia",
    ]);
  });

  it("prints the list as an HTML page in English, Russian and Arabic (right to left)", async () => {
    const en = await app.request({
      method: "GET",
      url: `/api/rounds/${roundId}/participants-list.html?order=english_alphabetical`,
    });
    expect(en.statusCode).toBe(200);
    expect(en.headers["content-type"]).toContain("text/html");
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(en.body).toContain("List of participants");
    expect(en.body).toContain("Head of delegation");
    expect(en.body).toContain("Alexander Lavrentiev (Александр Лаврентьев)");
    expect(en.body.indexOf("Jordan")).toBeLessThan(en.body.indexOf("Russia"));

    const ru = await app.request({
      method: "GET",
      url: `/api/rounds/${roundId}/participants-list.html?lang=ru`,
    });
    expect(ru.body).toContain('<html lang="ru" dir="ltr">');
    expect(ru.body).toContain("Список участников");
    expect(ru.body).toContain("Россия");
    expect(ru.body).toContain("Гарант");

    const ar = await app.request({
      method: "GET",
      url: `/api/rounds/${roundId}/participants-list.html?lang=ar`,
    });
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain("قائمة المشاركين");
    expect(ar.body).toContain("رئيس الوفد");
    expect(ar.body).toContain("أستانا 23");

    const badLang = await app.request({
      method: "GET",
      url: `/api/rounds/${roundId}/participants-list.html?lang=fr`,
    });
    expect(badLang.statusCode).toBe(400);
  });

  it("escapes what delegations typed into the printable page", async () => {
    await app.request({
      method: "PUT",
      url: `/api/rounds/${roundId}/delegations/iran/members`,
      as: fx.as.secretariat,
      payload: { members: [{ nameLatin: "<script>alert(1)</script>", isHead: true }] },
    });
    await app.request({
      method: "POST",
      url: `/api/round-delegations/${invited.iran}/accredit`,
      as: fx.as.secretariat,
      payload: {},
    });
    const page = await app.request({ method: "GET", url: `/api/rounds/${roundId}/participants-list.html` });
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(page.body).toContain("&#60;script&#62;");
  });
});
