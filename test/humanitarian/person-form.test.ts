// A person's fields at rest: sealed in the packed form (no field names), read back whole; a person sealed
// by an earlier version (the fields' object) still opens; bound to its row like any sealed record.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PersonFields } from "../../src/contracts/humanitarian.ts";
import { openPerson, sealPerson } from "../../src/server/modules/humanitarian/person.ts";
import { installPersonalDataKey, sealPersonal } from "../../src/server/platform/personal-data.ts";

const person: PersonFields = {
  arabic: { given: "محمد", father: "أحمد", grandfather: null, family: "الخطيب", mother: "فاطمة" },
  latin: { given: "Mohammed", father: "Ahmad", grandfather: null, family: "al-Khatib", mother: null },
  sex: "male",
  birthDate: null,
  birthYear: 1980,
  origin: "Aleppo",
  eventDate: "2015-03-01",
  eventYear: null,
  eventPlace: "Homs",
};

beforeAll(() => installPersonalDataKey(randomBytes(32)));

describe("a person sealed at rest", () => {
  it("opens with every field as sealed, and is shorter than the fields with their names", () => {
    const sealed = sealPerson(person, "row-1");
    expect(openPerson(sealed, "row-1")).toEqual(person);
    expect(sealed.length).toBeLessThan(sealPersonal(person, "row-1").length * 0.7);
  });

  it("gives an absent part as null", () => {
    expect(openPerson(sealPerson({ arabic: {}, latin: { given: "Rami" } }, "row-2"), "row-2")).toEqual({
      arabic: { given: null, father: null, grandfather: null, family: null, mother: null },
      latin: { given: "Rami", father: null, grandfather: null, family: null, mother: null },
      sex: null,
      birthDate: null,
      birthYear: null,
      origin: null,
      eventDate: null,
      eventYear: null,
      eventPlace: null,
    });
  });

  it("still opens what earlier versions sealed (the fields' object)", () => {
    expect(openPerson(sealPersonal(person, "row-3"), "row-3")).toEqual(person);
  });

  it("does not open on another row", () => {
    expect(() => openPerson(sealPerson(person, "row-4"), "row-5")).toThrow();
  });
});
