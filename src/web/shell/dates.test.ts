import { describe, expect, it } from "vitest";
import { dateLocaleOf, parseDay } from "./dates.ts";

const format = (language: string, value: string) =>
  new Intl.DateTimeFormat(dateLocaleOf(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(parseDay(value) as Date);

describe("dates in each language's own form", () => {
  it("writes English day-month-year, Russian in its own form, Arabic with Arabic months and Western digits", () => {
    expect(format("en", "2024-11-11")).toBe("11 November 2024");
    expect(format("ru", "2024-11-11")).toBe("11 ноября 2024 г.");
    const arabic = format("ar", "2024-11-11");
    expect(arabic).toContain("نوفمبر");
    expect(arabic).toMatch(/11/);
    expect(arabic).toMatch(/2024/);
    expect(arabic).not.toMatch(/[\u0660-\u0669]/);
  });
});
