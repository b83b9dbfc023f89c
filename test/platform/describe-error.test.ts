import { beforeAll, describe, expect, it } from "vitest";
import coreEn from "../../src/web/modules/core/locales/en.json" with { type: "json" };
import coreRu from "../../src/web/modules/core/locales/ru.json" with { type: "json" };
import followupAr from "../../src/web/modules/followup/locales/ar.json" with { type: "json" };
import followupEn from "../../src/web/modules/followup/locales/en.json" with { type: "json" };
import programmeAr from "../../src/web/modules/programme/locales/ar.json" with { type: "json" };
import programmeEn from "../../src/web/modules/programme/locales/en.json" with { type: "json" };
import programmeRu from "../../src/web/modules/programme/locales/ru.json" with { type: "json" };
import textsRu from "../../src/web/modules/texts/locales/ru.json" with { type: "json" };
import { ApiError } from "../../src/web/shell/api.ts";
import { describeError } from "../../src/web/shell/errors.ts";
import { i18n } from "../../src/web/shell/i18n.ts";
import shellAr from "../../src/web/shell/locales/ar.json" with { type: "json" };
import shellEn from "../../src/web/shell/locales/en.json" with { type: "json" };
import shellRu from "../../src/web/shell/locales/ru.json" with { type: "json" };

beforeAll(async () => {
  await i18n.init({
    lng: "en",
    fallbackLng: "en",
    ns: ["shell", "core", "programme", "followup", "texts"],
    defaultNS: "shell",
    interpolation: { escapeValue: false },
    resources: {
      en: { shell: shellEn, core: coreEn, programme: programmeEn, followup: followupEn },
      ru: { shell: shellRu, core: coreRu, programme: programmeRu, texts: textsRu },
      ar: { shell: shellAr, programme: programmeAr, followup: followupAr },
    },
  });
});

const inLanguage = async (language: string, namespace: string) => {
  await i18n.changeLanguage(language);
  return i18n.getFixedT(language, namespace);
};

const clash = new ApiError(
  409,
  "programme_conflict",
  'The change conflicts with the programme: "Plenary" and "Russia – Türkiye" share "Hall A".',
  {
    violations: [
      {
        constraint: "room_double_booked",
        message: 'Sessions "Plenary" and "Russia – Türkiye" share a room.',
        requests: ["s1", "s2"],
        names: ["Plenary", "Russia – Türkiye"],
      },
      {
        constraint: "brand_new_rule",
        message: "A rule no page knows yet.",
        requests: ["s1"],
        names: ["Plenary"],
      },
    ],
  },
);

describe("describeError", () => {
  it("says a module's refusal in Russian and Arabic with the names the server gave, kept as they are", async () => {
    expect(describeError(await inLanguage("ru", "programme"), clash)).toBe(
      "Изменение конфликтует с программой: «Plenary» и «Russia – Türkiye» проходят в одном зале в одно время. A rule no page knows yet.",
    );
    const arabic = describeError(await inLanguage("ar", "programme"), clash);
    expect(arabic).toContain("يتعارض التغيير مع البرنامج:");
    expect(arabic).toContain("«Plenary» و«Russia – Türkiye» في القاعة نفسها");
  });

  it("finds a module's code from another module's page, and the platform's in the shell", async () => {
    const t = await inLanguage("ru", "secretariat");
    expect(describeError(t, new ApiError(409, "own_account", "You cannot disable your own account."))).toBe(
      "Нельзя отключить собственную учётную запись.",
    );
    expect(
      describeError(t, new ApiError(409, "stale_version", "Round was changed…", { expectedVersion: 3 })),
    ).toMatch(/^Кто-то другой изменил это/);
  });

  it("lets a module say a platform code its own way on its own pages only", async () => {
    const tooLarge = new ApiError(413, "payload_too_large", "At most 20 MiB can be imported.");
    expect(describeError(await inLanguage("ru", "texts"), tooLarge)).toMatch(/^Документ слишком велик/);
    expect(describeError(await inLanguage("ru", "core"), tooLarge)).toMatch(/^Отправленное больше/);
  });

  it("puts numbers from the details into the translation", async () => {
    const error = new ApiError(413, "file_too_large", "The file is larger than 50 MiB: …", {
      maxBytes: 50 * 1024 * 1024,
    });
    expect(describeError(await inLanguage("ar", "followup"), error)).toContain("أكبر من 50 ميبيبايت");
    expect(describeError(await inLanguage("en", "followup"), error)).toContain("larger than 50 MiB");
  });

  it("keeps the server's message for a code no translation knows, and for a generic code in English", async () => {
    const unknown = new ApiError(409, "brand_new_code", "A refusal written for a person.");
    expect(describeError(await inLanguage("ru", "programme"), unknown)).toBe(
      "A refusal written for a person.",
    );
    const generic = new ApiError(400, "bad_request", "Type a word or a name to search for.");
    expect(describeError(await inLanguage("en", "search"), generic)).toBe(
      "Type a word or a name to search for.",
    );
    expect(describeError(await inLanguage("ru", "search"), generic)).toBe(
      "Запрос отклонён. Type a word or a name to search for.",
    );
  });

  it("lists a refusal's field issues, translated by their code", async () => {
    const error = new ApiError(400, "invalid_input", "The request is not valid: check body.title.", {
      issues: [
        {
          path: ["body", "title"],
          message: "Too small: expected string to have >=1 characters",
          code: "too_small",
        },
      ],
    });
    expect(describeError(await inLanguage("ru", "programme"), error)).toBe(
      "Некоторые поля заполнены неверно: см. сообщения рядом с ними. title: Слишком короткое или слишком малое значение.",
    );
    // In English, the server's own words are the more precise.
    expect(describeError(await inLanguage("en", "programme"), error)).toBe(
      "Some fields are not valid: see the messages next to them. title: Too small: expected string to have >=1 characters",
    );
  });
});

describe("describeError with a translated value inside", () => {
  it("names the state a follow-up report would take, in the reader's language", async () => {
    const error = new ApiError(400, "reason_required", "reason: say why the report is disputed.", {
      field: "reason",
      state: "disputed",
    });
    expect(describeError(await inLanguage("en", "followup"), error)).toBe(
      "Give a reason: say why the report is disputed.",
    );
    expect(describeError(await inLanguage("ar", "followup"), error)).toBe(
      "اذكر السبب: وضّح لماذا البلاغ متنازع عليها.",
    );
  });
});
