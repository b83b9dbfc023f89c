import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import type { ProcessFixture } from "../helpers/process-fixtures.ts";
import { submitMembers, withDelegationsRound } from "./delegations-setup.ts";

let app: TestApp;
let fx: ProcessFixture;
let roundId: string;
let invited: Record<string, string>;

withDelegationsRound("listed", (round) => ({ app, fx, roundId, invited } = round));
const submit = (participant: string, members: unknown[], as: string | undefined) =>
  submitMembers({ app, fx, roundId }, participant, members, as);

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
