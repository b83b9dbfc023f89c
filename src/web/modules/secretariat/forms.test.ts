import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../shell/api.ts";
import shellRu from "../../shell/locales/ru.json" with { type: "json" };
import { hasPastDate, namesInput, recordChecks, showFailure, slugFrom } from "./forms.ts";
import ru from "./locales/ru.json" with { type: "json" };

const i18n = i18next.createInstance();
await i18n.init({
  lng: "ru",
  resources: { ru: { secretariat: ru, shell: shellRu } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const t = i18n.t;

/** A form that records what it was told, with the fields of the round form. */
function roundForm() {
  const shown: { errors: Record<string, string> } = { errors: {} };
  return {
    shown,
    form: {
      getValues: () => ({ number: 23, names: { en: "", ru: "", ar: "" }, endDate: "", startDate: "" }),
      setErrors: (errors: Record<string, string>) => {
        shown.errors = errors;
      },
    },
  };
}

describe("showFailure", () => {
  it("puts a duplicate round number on the number field, in the reader's language, and nothing above the form", () => {
    const { shown, form } = roundForm();
    const refusal = new ApiError(409, "duplicate", "This process already has a round 23.", {
      field: "number",
      issues: [{ path: ["number"], message: "This process already has a round 23." }],
    });
    expect(showFailure(t, refusal, form)).toBeNull();
    expect(shown.errors).toEqual({ number: "В этом процессе уже есть раунд 23. Выберите другой номер." });
  });

  it("shows the server's own words beside a field it names when there is no translation for the case", () => {
    const { shown, form } = roundForm();
    const refusal = new ApiError(422, "validation_failed", "Round 23 is announced; it needs an end date.", {
      issues: [{ path: ["body", "endDate"], message: "Round 23 is announced; it needs an end date." }],
    });
    expect(showFailure(t, refusal, form)).toBeNull();
    expect(shown.errors).toEqual({ endDate: "Round 23 is announced; it needs an end date." });
  });

  it("keeps a refusal about something outside the form above it", () => {
    const { shown, form } = roundForm();
    const refusal = new ApiError(
      409,
      "invalid_transition",
      "Round 23 is concluded; it cannot become announced.",
      {
        field: "status",
      },
    );
    expect(showFailure(t, refusal, form)).toBe("Round 23 is concluded; it cannot become announced.");
    expect(shown.errors).toEqual({});
  });

  it("says a network failure in the reader's language", () => {
    const { form } = roundForm();
    expect(showFailure(t, new ApiError(0, "network_error", "Failed to fetch"), form)).toBe(
      shellRu.errors.network_error,
    );
  });
});

describe("names and addresses", () => {
  it("sends English always and the other languages only when written", () => {
    expect(namesInput({ en: " Round 23 ", ru: "", ar: "  " })).toEqual({ en: "Round 23" });
    expect(namesInput({ en: "Astana 22", ru: "Астана 22", ar: "أستانا 22" })).toEqual({
      en: "Astana 22",
      ru: "Астана 22",
      ar: "أستانا 22",
    });
  });

  it("proposes an address the server accepts from an English name", () => {
    expect(slugFrom("Türkiye")).toBe("turkiye");
    expect(slugFrom("  Quadrilateral consultations (Iran, Russia, Syria, Türkiye) ")).toBe(
      "quadrilateral-consultations-iran-russia-syria-turkiye",
    );
    expect(slugFrom("United Nations — OHCHR")).toBe("united-nations-ohchr");
  });
});

describe("what the secretariat's forms say before saving", () => {
  it("refuses an empty English name, saying why it is needed", () => {
    const check = recordChecks(t);
    expect(check.nameEn("  ")).toContain("на английском");
    expect(check.nameEn("Astana-23")).toBeNull();
  });

  it("warns of a date in the past, and only of one", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    expect(hasPastDate(["2026-12-06", ""], now)).toBe(true);
    expect(hasPastDate(["2026-12-07", "2027-01-10"], now)).toBe(false);
    expect(hasPastDate(["", "not a date"], now)).toBe(false);
  });
});
