import { describe, expect, it } from "vitest";
import { caseValues, checkCase, emptyCase, personOf, westernDigits } from "./case-form.ts";

describe("the case form's values", () => {
  it("reads Eastern Arabic and Persian digits as ours", () => {
    expect(westernDigits("١٩٨٠")).toBe("1980");
    expect(westernDigits("۱۳۶۰")).toBe("1360");
    expect(westernDigits("1980")).toBe("1980");
  });

  it("asks for one name part in either script, and years of four digits in the contract's range", () => {
    const empty = emptyCase("d1");
    expect(checkCase(empty)).toEqual({ person: "nameRequired" });
    const named = { ...empty, arabic: { ...empty.arabic, family: "الخطيب" } };
    expect(checkCase(named)).toEqual({});
    expect(checkCase({ ...named, birthYear: "80" })).toEqual({ "person.birthYear": "year" });
    expect(checkCase({ ...named, eventYear: "1850" })).toEqual({ "person.eventYear": "year" });
    expect(checkCase({ ...named, birthYear: "١٩٨٠" })).toEqual({});
  });

  it("sends empty fields as unknown and years as numbers, and reads a case back unchanged", () => {
    const values = {
      ...emptyCase("d1"),
      latin: { given: " Omar ", father: "", grandfather: "", family: "al-Halabi", mother: "" },
      sex: "male" as const,
      birthYear: "١٩٧٥",
      eventDate: "2014-06-10",
    };
    const person = personOf(values);
    expect(person).toMatchObject({
      latin: { given: "Omar", father: null, family: "al-Halabi" },
      sex: "male",
      birthYear: 1975,
      birthDate: null,
      eventDate: "2014-06-10",
      origin: null,
    });
    const back = caseValues({
      id: "c1",
      processId: "p1",
      delegationId: "d1",
      participantId: "x",
      kind: "detained",
      status: "listed",
      sharing: "side",
      person,
      listEntryId: null,
      version: 1,
      withdrawn: null,
      createdAt: "",
      updatedAt: "",
    });
    expect(back.latin.given).toBe("Omar");
    expect(back.birthYear).toBe("1975");
    expect(back.sex).toBe("male");
  });
});
