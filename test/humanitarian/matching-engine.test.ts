// The matching engine (humanitarian/matching): every spelling variant issue 18 names meets its pair,
// what differs is said to differ, absent parts count as missing, and the search is one-to-one.
import { describe, expect, it } from "vitest";
import {
  type Candidate,
  findDuplicates,
  findMatches,
  jaroWinkler,
  type MatchablePerson,
  parseBirthText,
  phoneticKey,
} from "../../src/server/modules/humanitarian/matching/index.ts";

let next = 0;
function person(fields: Partial<MatchablePerson>): MatchablePerson {
  next += 1;
  return { id: fields.id ?? `p${next}`, arabic: {}, latin: {}, ...fields };
}
const verdictOf = (candidate: Candidate | undefined, field: string) =>
  candidate?.fields.find((verdict) => verdict.field === field)?.verdict;

describe("the phonetic key", () => {
  it.each([
    ["Mohammed", "Muhammad", "Mohamad", "Muhammed", "Mohamed", "محمد"],
    ["al-Hassan", "el-Hasan", "Al-Hassan", "Alhassan", "AL HASSAN", "الحسن"],
    ["أحمد", "احمد", "إحمد", "Ahmad", "Ahmed"],
    ["إبراهيم", "ابراهيم", "Ibrahim", "Ebrahim"],
    ["آمنة", "امنة", "امنه", "Amina", "Aminah", "Amneh"],
    ["فاطمة", "فاطمه", "Fatima", "Fatimah", "Fatmeh"],
    ["مصطفى", "مصطفي", "Mustafa", "Moustafa", "Mostafa"],
    ["مُحَمَّد", "محـمـد", "محمد"],
    [
      "Abdul Rahman",
      "Abdelrahman",
      "Abd al-Rahman",
      "Abd ar-Rahman",
      "Abdurrahman",
      "عبد الرحمن",
      "عبدالرحمن",
    ],
    ["Abdullah", "Abdallah", "Abd Allah", "عبد الله", "عبدالله"],
    ["Nour al-Din", "Noureddine", "Nuruddin", "Nour Eddine", "نور الدين"],
    ["Youssef", "Yusuf", "Yousif", "يوسف"],
    ["Raheem", "Rahim", "رحيم"],
    ["Khaled", "Halid", "Khalid", "خالد"],
    ["Dhiab", "Ziab", "ذياب"],
    ["Qasim", "Kassem", "Qassem", "قاسم"],
    ["Sa'd", "Saad", "Sa’d", "سعد"],
    ["Isma'il", "Ismail", "إسماعيل"],
  ])("gives one key to %s and its variants", (...variants) => {
    const keys = new Set(variants.map((variant) => phoneticKey(variant)));
    expect([...keys], variants.join(", ")).toHaveLength(1);
  });

  it("keeps different names apart", () => {
    expect(phoneticKey("Ahmad")).not.toBe(phoneticKey("Hamid"));
    expect(phoneticKey("Khaled")).not.toBe(phoneticKey("Walid"));
    expect(phoneticKey("Hassan")).not.toBe(phoneticKey("Hisham"));
    expect(phoneticKey("")).toBeNull();
    expect(phoneticKey("  -- ")).toBeNull();
  });
});

describe("dates as lists write them", () => {
  it("reads Eastern Arabic digits, day-first dates and two-digit years", () => {
    expect(parseBirthText("١٩٨٠")).toEqual({ year: 1980, month: null, day: null });
    expect(parseBirthText("١/٢/١٩٨٠")).toEqual({ year: 1980, month: 2, day: 1 });
    expect(parseBirthText("1/2/80")).toEqual({ year: 1980, month: 2, day: 1 });
    expect(parseBirthText("01.02.1980")).toEqual({ year: 1980, month: 2, day: 1 });
    expect(parseBirthText("1980-02-01")).toEqual({ year: 1980, month: 2, day: 1 });
    expect(parseBirthText("unknown")).toBeNull();
  });
});

describe("Jaro–Winkler", () => {
  it("gives the published values", () => {
    expect(jaroWinkler("MARTHA", "MARHTA")).toBeCloseTo(0.961, 3);
    expect(jaroWinkler("DWAYNE", "DUANE")).toBeCloseTo(0.84, 2);
    expect(jaroWinkler("DIXON", "DICKSONX")).toBeCloseTo(0.813, 3);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
    expect(jaroWinkler("same", "same")).toBe(1);
  });
});

const detainee = person({
  id: "left-1",
  arabic: { given: "مُحَمَّد", father: "أحمد", grandfather: "إبراهيم", family: "الحلبي", mother: "فاطمة" },
  sex: "male",
  birthDate: "1980-02-01",
  origin: "حلب",
});

describe("matching two persons", () => {
  it("matches an Arabic-only entry with a Latin-only one, every field agreeing", () => {
    const latin = person({
      id: "right-1",
      latin: {
        given: "Muhammad",
        father: "Ahmed",
        grandfather: "Ibrahim",
        family: "el-Halabi",
        mother: "Fatmeh",
      },
      sex: "male",
      birthDate: "١/٢/١٩٨٠",
      origin: "Halab",
    });
    const [found] = findMatches([detainee], [latin]);
    expect(found?.rightId).toBe("right-1");
    expect(found?.score).toBeGreaterThan(0.9);
    for (const field of ["given", "father", "grandfather", "family", "mother", "sex", "birth"])
      expect(verdictOf(found, field), field).toBe("agree");
  });

  it("counts a missing grandfather's or mother's name as missing, not as different", () => {
    const shorter = person({
      latin: { given: "Mohamed", father: "Ahmad", family: "Al-Halabi" },
      sex: "male",
      birthYear: 1980,
    });
    const [found] = findMatches([detainee], [shorter]);
    expect(found).toBeDefined();
    expect(verdictOf(found, "grandfather")).toBe("missing");
    expect(verdictOf(found, "mother")).toBe("missing");
  });

  it("meets a pair whose list wrote the family name first", () => {
    const swapped = person({
      latin: { given: "Halabi", father: "Ahmad", grandfather: "Ibrahim", family: "Mohammed" },
      sex: "male",
      birthDate: "01.02.1980",
    });
    const [found] = findMatches([detainee], [swapped]);
    expect(found).toBeDefined();
    expect(verdictOf(found, "given")).toBe("agree");
    expect(verdictOf(found, "family")).toBe("agree");
  });

  it("meets a pair with a typo in the given name, through the other blocking keys", () => {
    const typo = person({
      arabic: { given: "ممحد", father: "احمد", grandfather: "ابراهيم", family: "الحلبي" },
      sex: "male",
      birthDate: "1980-02-01",
    });
    const [found] = findMatches([detainee], [typo]);
    expect(found).toBeDefined();
    expect(verdictOf(found, "given")).not.toBe("agree");
  });

  it("does not take Mahmoud for Mohammed, in either script", () => {
    const mahmoudLatin = person({ latin: { given: "Mahmoud", father: "Ahmad", family: "Halabi" } });
    const mahmoudArabic = person({ arabic: { given: "محمود", father: "أحمد", family: "الحلبي" } });
    const muhammadLatin = person({ latin: { given: "Muhammad", father: "Ahmad", family: "Halabi" } });
    const [latinPair] = findMatches([mahmoudLatin], [muhammadLatin], { threshold: 0.01 });
    const [crossPair] = findMatches([mahmoudArabic], [muhammadLatin], { threshold: 0.01 });
    expect(verdictOf(latinPair, "given")).not.toBe("agree");
    expect(verdictOf(crossPair, "given")).not.toBe("agree");
  });

  it("weighs a different sex or a distant birth year against a match", () => {
    const woman = person({ arabic: { ...detainee.arabic }, sex: "female", birthDate: "1980-02-01" });
    const older = person({ arabic: { ...detainee.arabic }, sex: "male", birthYear: 1950 });
    const same = person({ arabic: { ...detainee.arabic }, sex: "male", birthYear: 1980 });
    const [withWoman] = findMatches([detainee], [woman], { threshold: 0.01 });
    const [withOlder] = findMatches([detainee], [older], { threshold: 0.01 });
    const [withSame] = findMatches([detainee], [same], { threshold: 0.01 });
    expect(verdictOf(withWoman, "sex")).toBe("disagree");
    expect(verdictOf(withOlder, "birth")).toBe("disagree");
    expect(withWoman?.score ?? 0).toBeLessThan(withSame?.score ?? 0);
    expect(withOlder?.score ?? 0).toBeLessThan(withSame?.score ?? 0);
  });

  it("proposes nothing for different people", () => {
    const other = person({
      latin: { given: "Khaled", father: "Omar", grandfather: "Youssef", family: "Haddad", mother: "Huda" },
      sex: "male",
      birthYear: 1975,
    });
    expect(findMatches([detainee], [other])).toHaveLength(0);
  });
});

describe("one-to-one and duplicates", () => {
  it("takes the better of two candidates and uses each person once", () => {
    const exact = person({
      id: "exact",
      latin: { given: "Mohammed", father: "Ahmad", grandfather: "Ibrahim", family: "Halabi" },
      sex: "male",
      birthDate: "1980-02-01",
    });
    const yearOnly = person({
      id: "year-only",
      latin: { given: "Mohammed", father: "Ahmad", grandfather: "Ibrahim", family: "Halabi" },
      sex: "male",
      birthYear: 1980,
    });
    const found = findMatches([detainee], [yearOnly, exact]);
    expect(found.map((candidate) => candidate.rightId)).toEqual(["exact"]);
  });

  it("finds a person entered twice in one list, and not two different people", () => {
    const list = [
      detainee,
      person({
        id: "again",
        latin: { given: "Muhammed", father: "Ahmed", family: "al-Halabi" },
        birthYear: 1980,
      }),
      person({
        id: "someone-else",
        latin: { given: "Omar", father: "Ali", family: "Haddad" },
        birthYear: 1990,
      }),
    ];
    const duplicates = findDuplicates(list);
    expect(duplicates.map((pair) => [pair.leftId, pair.rightId])).toEqual([["left-1", "again"]]);
  });

  it("reports progress up to the whole list", () => {
    const seen: [number, number][] = [];
    findMatches([detainee, detainee], [detainee], { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.at(-1)).toEqual([2, 2]);
  });
});
