import { expect, test } from "@playwright/test";
import { newSlugs, pageAs, planAnnouncedRound, post, setUp } from "./secretariat-setup.ts";

// A module's refusal in the reader's language: the secretariat, reading in Russian and then in Arabic,
// places a reception in the hall during the plenary; the programme refuses the clash (409
// programme_conflict) and the form says so in the page's language, naming both sessions by their own
// titles as they were typed. The server's English message never reaches the page.

const slugOf = newSlugs("e");

const pages = {
  ru: {
    tab: "Программа",
    form: /Назначить заседание \(/,
    title: "Название",
    kind: "Вид",
    room: "Зал",
    submit: "Назначить заседание",
    refusal:
      "Изменение конфликтует с программой: «Пленарное заседание» и «Приём у хозяина» проходят в одном зале в одно время.",
  },
  ar: {
    tab: "البرنامج",
    form: /تحديد جلسة \(/,
    title: "العنوان",
    kind: "النوع",
    room: "القاعة",
    submit: "تحديد الجلسة",
    refusal:
      "يتعارض التغيير مع البرنامج: «Пленарное заседание» و«Приём у хозяина» في القاعة نفسها في الوقت نفسه.",
  },
} as const;

test.describe
  .serial("refusals in the reader's language", () => {
    let workspaceRound = "";
    let secretariat = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      const setup = await setUp(browser, base, slugOf);
      secretariat = setup.secretariat.email;
      workspaceRound = await planAnnouncedRound(browser, base, setup);
      const roundId = workspaceRound.split("/").at(-1) ?? "";
      const host = await pageAs(browser, base, secretariat);
      const settings = await host.request.put(`/api/rounds/${roundId}/programme/settings`, {
        data: {
          utcOffset: "+05:00",
          slotMinutes: 30,
          days: ["2027-03-15", "2027-03-16"].map((date) => ({
            date,
            from: "09:00",
            to: "18:00",
            breaks: [],
          })),
        },
        headers: { origin: new URL(base).origin },
      });
      expect(settings.status(), await settings.text()).toBe(200);
      const hall = await post(host.request, base, `/api/rounds/${roundId}/programme/rooms`, {
        name: "Hall A",
        capacity: 60,
      });
      // The plenary's title is typed in Russian: a record's own text is shown as it is, in every language.
      await post(host.request, base, `/api/rounds/${roundId}/programme/sessions`, {
        kind: "plenary",
        title: "Пленарное заседание",
        startsAt: "2027-03-16T15:00:00+05:00",
        endsAt: "2027-03-16T16:30:00+05:00",
        roomId: hall.id,
      });
      await host.context().close();
    });

    for (const [language, words] of Object.entries(pages)) {
      test(`a clash with the plenary is refused in ${language}, naming both sessions`, async ({
        browser,
        baseURL,
      }) => {
        const page = await pageAs(browser, baseURL ?? "", secretariat);
        await page.addInitScript((locale) => window.localStorage.setItem("astana.locale", locale), language);
        await page.goto(workspaceRound);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        await page.getByRole("tab", { name: words.tab }).click();
        const form = page.locator("form", { has: page.getByRole("heading", { name: words.form }) });
        await form.getByLabel(words.kind, { exact: true }).selectOption("reception");
        await form.getByLabel(words.title).fill("Приём у хозяина");
        await form.getByLabel(words.room, { exact: true }).selectOption({ label: "Hall A" });
        await form.getByRole("button", { name: words.submit, exact: true }).click();
        const alert = form.getByRole("alert");
        await expect(alert).toHaveText(words.refusal);
        await expect(alert).not.toContainText("conflicts with the programme");
        await page.context().close();
      });
    }
  });
