import { describe, expect, it } from "vitest";
import { dateLocaleOf } from "./dates.ts";
import { dateTimeFormat } from "./format.ts";

// A status change made at 18:04 UTC, read in Almaty (UTC+5), in Moscow (UTC+3) and in UTC.
const moment = new Date("2026-12-07T18:04:00Z");
const shown = (language: string, zone: string) => dateTimeFormat(dateLocaleOf(language), zone).format(moment);

describe("a moment shown to its reader", () => {
  it("is in the reader's own zone, with the zone named", () => {
    expect(shown("en", "Asia/Almaty")).toBe("7 Dec 2026, 23:04 GMT+5");
    expect(shown("en", "Europe/Moscow")).toContain("21:04 GMT+3");
    expect(shown("en", "UTC")).toContain("18:04 UTC");
  });

  it("names the zone in Russian and Arabic too, with Western digits in Arabic", () => {
    const russian = shown("ru", "Asia/Almaty");
    expect(russian).toContain("23:04");
    expect(russian).toContain("GMT+5");
    const arabic = shown("ar", "Asia/Almaty");
    expect(arabic).toMatch(/11|23/);
    expect(arabic).toMatch(/\+5/);
    expect(arabic).not.toMatch(/[\u0660-\u0669]/);
  });

  it("moves to the next day east of Greenwich", () => {
    expect(dateTimeFormat("en-GB", "Asia/Tokyo").format(new Date("2026-12-07T20:30:00Z"))).toContain(
      "8 Dec 2026",
    );
  });
});
