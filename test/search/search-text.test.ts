// The folding that makes Arabic spelled several ways, Russian with ё, and accented Latin compare equal.
import { describe, expect, it } from "vitest";
import {
  exactWordsForIndex,
  foldForSearch,
  normalizeArabic,
  withoutArabicArticle,
} from "../../src/server/platform/search-text.ts";

describe("normalizeArabic", () => {
  it("drops diacritics (tashkeel), tatweel and invisible marks", () => {
    expect(normalizeArabic("الجُمْهُورِيَّة")).toBe(normalizeArabic("الجمهورية"));
    expect(normalizeArabic("مفـــاوضات")).toBe("مفاوضات");
    expect(normalizeArabic("سو\u200Cريا")).toBe("سوريا");
  });

  it("unifies the alef forms", () => {
    for (const spelling of ["أستانا", "إستانا", "آستانا", "ٱستانا", "استانا"]) {
      expect(normalizeArabic(spelling)).toBe("استانا");
    }
  });

  it("writes hamza carriers bare and drops a lone hamza", () => {
    expect(normalizeArabic("مسؤول")).toBe("مسوول");
    expect(normalizeArabic("الرئيس")).toBe(normalizeArabic("الرييس"));
    expect(normalizeArabic("أسماء")).toBe("اسما");
  });

  it("reads ta marbuta as ha and alef maqsura as ya", () => {
    expect(normalizeArabic("الجولة")).toBe(normalizeArabic("الجوله"));
    expect(normalizeArabic("الأولى")).toBe(normalizeArabic("الاولي"));
  });

  it("decomposes presentation forms and reads Arabic-Indic digits as digits", () => {
    expect(normalizeArabic("\uFEFB")).toBe("لا");
    expect(normalizeArabic("الجولة ٢٢")).toBe(normalizeArabic("الجولة 22"));
    expect(normalizeArabic("۲۰۲۴")).toBe("2024");
  });

  it("leaves Latin and Cyrillic text as it is", () => {
    expect(normalizeArabic("Astana talks, переговоры в Астане")).toBe("Astana talks, переговоры в Астане");
  });
});

describe("foldForSearch", () => {
  it("lower-cases, drops accents on Latin letters and reads ё as е, keeping й", () => {
    expect(foldForSearch("Türkiye")).toBe("turkiye");
    expect(foldForSearch("Объединённые")).toBe("объединенные");
    expect(foldForSearch("Иорданией")).toBe("иорданией");
  });
});

describe("the exact-word index", () => {
  it("holds each Arabic word with and without its article", () => {
    expect(withoutArabicArticle("المفاوضات")).toBe("مفاوضات");
    expect(withoutArabicArticle("والمفاوضات")).toBe("مفاوضات");
    expect(withoutArabicArticle("الى")).toBe("الى");
    expect(exactWordsForIndex("المُفاوَضات في أستانا")).toBe("المفاوضات مفاوضات في استانا");
  });
});
