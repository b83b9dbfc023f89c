import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { admin, expectNoHorizontalOverflow, signInViaApi } from "./helpers.ts";
import {
  newSlugs,
  originHeaders,
  pageAs,
  password,
  planAnnouncedRound,
  post,
  type Setup,
  setUp,
} from "./secretariat-setup.ts";

// The programme of round 23 in the browser: the secretariat sets the days, rooms, agenda and the
// plenary in its round tab; Russia's delegate asks to meet Türkiye and Jordan on the requests page;
// the secretariat records their acceptance, runs the scheduler and sees its progress and summary, is
// refused a move onto the plenary with the reason, and publishes; a visitor reads the public
// programme (only the plenary), in Arabic right to left, on a phone, and printed without the tools.

const slugOf = newSlugs("p");

test.describe
  .serial("the programme of round 23", () => {
    let setup: Setup;
    let roundId = "";
    let workspaceRound = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      const base = baseURL ?? "";
      setup = await setUp(browser, base, slugOf);
      workspaceRound = await planAnnouncedRound(browser, base, setup);
      roundId = workspaceRound.split("/").at(-1) ?? "";
      const host = await pageAs(browser, base, setup.secretariat.email);
      await post(host.request, base, `/api/processes/${setup.processSlug}/roles`, {
        participantId: slugOf("jordan"),
        role: "observer",
        fromDate: "2017-01-23",
      });
      for (const who of ["russia", "turkiye", "iran", "jordan"]) {
        await post(host.request, base, `/api/rounds/${roundId}/delegations`, { participantId: slugOf(who) });
        const submitted = await host.request.put(
          `/api/rounds/${roundId}/delegations/${slugOf(who)}/members`,
          {
            data: { members: [{ nameLatin: `Head of ${who}`, isHead: true }] },
            headers: { origin: new URL(base).origin },
          },
        );
        expect(submitted.status(), await submitted.text()).toBe(200);
        await post(
          host.request,
          base,
          `/api/round-delegations/${(await submitted.json()).id}/accredit`,
          {},
          200,
        );
      }
      await host.context().close();
      // Russia's delegate joins Russia's standing delegation (no interface for memberships here).
      const context = await browser.newContext({ baseURL: base });
      const page = await context.newPage();
      await signInViaApi(page, base, admin.email, admin.password);
      const delegations = (await (
        await page.request.get(`/api/processes/${setup.processSlug}/delegations`)
      ).json()) as {
        items: { id: string; participant: { slug: string } }[];
      };
      const russia = delegations.items.find((item) => item.participant.slug === slugOf("russia"));
      await post(page.request, base, `/api/delegations/${russia?.id}/members`, {
        accountId: setup.delegate.id,
      });
      await context.close();
    });

    test("the secretariat sets the days, rooms, agenda and the plenary in its round tab", async ({
      page,
      baseURL,
    }) => {
      await signInViaApi(page, baseURL ?? "", setup.secretariat.email, password);
      await page.goto(workspaceRound);
      await page.getByRole("tab", { name: "Programme" }).click();
      await page.getByRole("button", { name: "Save the days" }).click();
      await expect(page.getByRole("heading", { name: "Days and hours (days: 2)" })).toBeVisible();
      for (const [room, seats] of [
        ["Hall A", "60"],
        ["Room 1", "12"],
      ] as const) {
        await page.getByLabel("Room name").fill(room);
        await page.getByLabel("Seats").fill(seats);
        await page.getByRole("button", { name: "Add the room" }).click();
        await expect(page.getByText(new RegExp(`${room} \\(${seats}\\)`))).toBeVisible();
        await expect(page.getByLabel("Room name")).toHaveValue("");
      }
      for (const item of ["Developments on the ground", "The humanitarian situation"]) {
        await page.getByLabel("New agenda item").fill(item);
        await page.getByRole("button", { name: "Propose" }).click();
        await expect(page.getByText(item)).toBeVisible();
        await expect(page.getByLabel("New agenda item")).toHaveValue("");
      }
      await page.getByRole("button", { name: "Move up: The humanitarian situation" }).click();
      await expect(page.getByRole("button", { name: "Move up: The humanitarian situation" })).toBeDisabled();
      await page.getByRole("button", { name: "Adopt the agenda" }).click();
      await expect(page.getByRole("heading", { name: "Agenda (adopted)" })).toBeVisible();
      const form = page.locator("form", { has: page.getByRole("heading", { name: /Place a session/ }) });
      await form.getByLabel("Kind").selectOption("plenary");
      await form.getByLabel("Title").fill("Plenary session");
      await form.getByLabel("Day").selectOption("2027-03-16");
      await form.getByLabel("From").fill("15:00");
      await form.getByLabel("To").fill("16:30");
      await form.getByLabel("Room").selectOption({ label: "Hall A" });
      await form.getByRole("button", { name: "Place the session" }).click();
      await page.getByRole("link", { name: /Open the programme grid/ }).click();
      await expect(page.getByTestId("programme-session")).toHaveCount(1);
      // The secretariat's picture is a group of sessions it can drag (the public's is one image).
      await expect(page.getByRole("group", { name: /Programme of 2027-03-16/ })).toBeVisible();
    });

    test("Russia's delegate asks to meet Türkiye and Jordan on the requests page", async ({
      page,
      baseURL,
    }) => {
      await signInViaApi(page, baseURL ?? "", setup.delegate.email, password);
      await page.goto(`/rounds/${roundId}/programme/requests`);
      for (const who of ["Türkiye", "Jordan"]) {
        await page.getByRole("combobox", { name: "With" }).click();
        await page.getByRole("option", { name: who }).click();
        await page.keyboard.press("Escape");
        await page.getByLabel("Preference").selectOption("must");
        await page.getByRole("button", { name: "Send the request" }).click();
        await expect(page.getByText("The request was sent.")).toBeVisible();
      }
      await expect(page.getByTestId("request-row")).toHaveCount(2);
      // Russia does not answer its own requests.
      await expect(page.getByRole("button", { name: /^Accept for/ })).toHaveCount(0);
    });

    test("the secretariat records the answers, schedules, is refused a clashing move, and publishes", async ({
      page,
      baseURL,
    }) => {
      await signInViaApi(page, baseURL ?? "", setup.secretariat.email, password);
      await page.goto(`/rounds/${roundId}/programme/requests`);
      for (const who of ["Türkiye", "Jordan"])
        await page.getByRole("button", { name: `Accept for ${who}` }).click();
      // Each request's state cell (the invitees' own answers read "Türkiye: accepted").
      await expect(page.getByRole("cell", { name: "Accepted", exact: true })).toHaveCount(2);
      await page.goto(`/rounds/${roundId}/programme`);
      await page.getByLabel("Time budget (seconds)").fill("1");
      await page.getByRole("button", { name: "Run the scheduler" }).click();
      await expect(page.getByText(/Last run: meetings placed 2, moved 0, not placed 0\./)).toBeVisible({
        timeout: 15_000,
      });
      await expect(page.getByTestId("programme-session")).toHaveCount(3);
      // Onto the plenary, in its room: refused with the reason, the meeting stays where it was.
      const meeting = page.getByTestId("programme-session").filter({ hasText: "Russia – Jordan" });
      await meeting.getByRole("button", { name: "Move" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Day").selectOption("2027-03-16");
      await dialog.getByLabel("Start (venue time)").fill("15:00");
      await dialog.getByLabel("Room").selectOption({ label: "Hall A (60)" });
      await dialog.getByRole("button", { name: "Move" }).click();
      await expect(dialog.getByRole("alert")).toContainText(/Plenary session/);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Publish the programme" }).click();
      await expect(page.getByText("Published", { exact: true })).toBeVisible();
    });

    test("the secretariat drags meetings: swaps two with the keyboard, moves one with the mouse, is refused a clash with its reason, moves one by touch", async ({
      page,
      baseURL,
    }) => {
      const base = baseURL ?? "";
      await signInViaApi(page, base, setup.secretariat.email, password);
      type Seen = {
        id: string;
        title: string;
        startsAt: string;
        endsAt: string;
        room: { id: string; name: string } | null;
      };
      const sessions = async () =>
        (await (await page.request.get(`/api/rounds/${roundId}/programme`)).json()) as {
          sessions: Seen[];
          rooms: { id: string; name: string }[];
        };
      const start = await sessions();
      const room1 = start.rooms.find((r) => r.name === "Room 1")?.id;
      const meetingOf = (all: Seen[], who: string) => all.find((s) => s.title === `Russia – ${who}`) as Seen;
      // Known places first: both of Russia's meetings (an hour each) in Room 1 on day 1, 09:00 and 10:00.
      // The scheduler placed them anywhere; Russia fields one team, so the moves go in an order that
      // never puts the two at once (swapping them first when each holds the other's target).
      const target = { Türkiye: "2027-03-15T09:00:00+05:00", Jordan: "2027-03-15T10:00:00+05:00" };
      const hour = 3_600_000;
      const holds = (session: Seen, at: string) =>
        Date.parse(session.startsAt) < Date.parse(at) + hour && Date.parse(at) < Date.parse(session.endsAt);
      const moveTo = async (who: "Türkiye" | "Jordan", all: Seen[]) => {
        const response = await page.request.patch(`/api/programme/sessions/${meetingOf(all, who).id}`, {
          data: { startsAt: target[who], roomId: room1 },
          headers: originHeaders(base),
        });
        expect(response.status(), await response.text()).toBe(200);
      };
      let placed = start.sessions;
      if (
        holds(meetingOf(placed, "Jordan"), target.Türkiye) &&
        holds(meetingOf(placed, "Türkiye"), target.Jordan)
      ) {
        const swapped = await page.request.post("/api/programme/sessions/swap", {
          data: { sessionIds: [meetingOf(placed, "Jordan").id, meetingOf(placed, "Türkiye").id] },
          headers: originHeaders(base),
        });
        expect(swapped.status(), await swapped.text()).toBe(200);
        placed = (await sessions()).sessions;
      }
      const order: ("Türkiye" | "Jordan")[] = holds(meetingOf(placed, "Jordan"), target.Türkiye)
        ? ["Jordan", "Türkiye"]
        : ["Türkiye", "Jordan"];
      for (const who of order) await moveTo(who, placed);
      await page.goto(`/rounds/${roundId}/programme`);
      const block = (who: string) =>
        page.locator(`[data-testid="grid-session"][aria-label^="Russia – ${who}:"]`);
      const row = (who: string) =>
        page.getByTestId("programme-session").filter({ hasText: `Russia – ${who}` });
      await expect(block("Jordan")).toHaveAttribute("aria-label", /Room 1, 10:00/);
      // The draggable grid passes axe (WCAG 2.2 AA): no serious or critical violation.
      const axe = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
        .analyze();
      expect(
        axe.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`),
      ).toEqual([]);

      // The keyboard: pick up Jordan's meeting, two slots up onto Türkiye's, drop: the two swap.
      await block("Jordan").focus();
      await page.keyboard.press("Enter");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      await expect(page.getByTestId("drop-landing")).toHaveAttribute("data-clash", "false");
      await expect(page.getByText("On Russia – Türkiye: drop to swap the two.")).toBeAttached();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("drag-outcome")).toContainText(
        "Swapped Russia – Jordan and Russia – Türkiye.",
      );
      await expect(row("Jordan")).toContainText("09:00–10:00");
      await expect(row("Türkiye")).toContainText("10:00–11:00");

      // The mouse: Jordan's meeting one room to the left, into Hall A, at the same time.
      const column = async () => {
        const picture = page.getByRole("group", { name: /Programme of 2027-03-15/ });
        const box = await picture.boundingBox();
        const viewBox = (await picture.getAttribute("viewBox"))?.split(" ").map(Number) ?? [];
        return ((box?.width ?? 0) / (viewBox[2] ?? 1)) * 150;
      };
      const drag = async (who: string, dx: number, dy: number) => {
        const box = await block(who).boundingBox();
        if (!box) throw new Error(`no block for ${who}`);
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        await page.mouse.move(x, y);
        await page.mouse.down();
        for (let step = 1; step <= 10; step++)
          await page.mouse.move(x + (dx * step) / 10, y + (dy * step) / 10);
      };
      await drag("Jordan", -(await column()), 0);
      await expect(page.getByTestId("drop-landing")).toHaveAttribute("data-clash", "false");
      await page.mouse.up();
      await expect(page.getByTestId("drag-outcome")).toContainText("Moved Russia – Jordan to Hall A, 09:00.");
      await expect(row("Jordan")).toContainText("Hall A");

      // Onto 10:00, where Russia sits with Türkiye: the clash shows while dragging, and the server
      // refuses the drop with its reason; the meeting stays where it was.
      const slot = ((await column()) / 150) * 30 * 0.9;
      await drag("Jordan", 0, slot * 2);
      await expect(page.getByTestId("drop-landing")).toHaveAttribute("data-clash", "true");
      await page.mouse.up();
      await expect(page.getByTestId("drag-outcome")).toContainText(/Not moved: .*Russia/);
      await expect(row("Jordan")).toContainText("09:00–10:00");
      await expect(row("Jordan")).toContainText("Hall A");

      // Touch, on a phone-sized screen: a long press picks it up, the finger carries it an hour down.
      await page.setViewportSize({ width: 390, height: 844 });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 1 });
      await block("Jordan").scrollIntoViewIfNeeded();
      const box = await block("Jordan").boundingBox();
      if (!box) throw new Error("no block");
      const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const phoneSlot = ((await column()) / 150) * 30 * 0.9;
      const touch = (type: "touchStart" | "touchMove" | "touchEnd", dy: number) =>
        cdp.send("Input.dispatchTouchEvent", {
          type,
          touchPoints: type === "touchEnd" ? [] : [{ x: from.x, y: from.y + dy }],
        });
      await touch("touchStart", 0);
      await page.waitForTimeout(400);
      for (let step = 1; step <= 8; step++) await touch("touchMove", (phoneSlot * 4 * step) / 8);
      await expect(page.getByTestId("drop-landing")).toBeAttached();
      await touch("touchEnd", 0);
      await expect(page.getByTestId("drag-outcome")).toContainText("Moved Russia – Jordan to Hall A, 11:00.");
      await expect(row("Jordan")).toContainText("11:00–12:00");
    });

    test("the secretariat follows an agenda item to the next round and back", async ({ page, baseURL }) => {
      const base = baseURL ?? "";
      await signInViaApi(page, base, setup.secretariat.email, password);
      const round = (await (await page.request.get(`/api/rounds/${roundId}`)).json()) as { number: number };
      const next = await post(page.request, base, `/api/processes/${setup.processSlug}/rounds`, {
        number: round.number + 1,
        names: { en: `Astana ${round.number + 1}` },
        startDate: "2027-09-01",
        endDate: "2027-09-02",
      });
      // Reworded in the next round: followed by its title, case and punctuation aside.
      await post(page.request, base, `/api/rounds/${next.id}/programme/agenda`, {
        title: "The humanitarian situation.",
      });
      await page.goto(`/rounds/${roundId}/programme`);
      const item = page.getByTestId("agenda-item").filter({ hasText: "The humanitarian situation" });
      await item.getByRole("link", { name: `Round ${round.number + 1} →` }).click();
      await expect(page).toHaveURL(new RegExp(`/rounds/${next.id}/programme$`));
      await page
        .getByTestId("agenda-item")
        .getByRole("link", { name: `← Round ${round.number}` })
        .click();
      await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}/programme$`));
    });

    test("Russia's delegate sees its own programme and subscribes a calendar app to it", async ({
      page,
      baseURL,
      playwright,
    }) => {
      await signInViaApi(page, baseURL ?? "", setup.delegate.email, password);
      await page.goto(`/rounds/${roundId}/programme`);
      await page.getByRole("link", { name: "My delegation's programme" }).click();
      await expect(page.getByTestId("own-session")).toHaveCount(3);
      await page.getByRole("button", { name: "Make a subscription address for a calendar app" }).click();
      const address = await page.getByLabel("Subscription address").inputValue();
      // A calendar app: no cookie, only the address.
      const app = await playwright.request.newContext();
      const calendar = await app.get(address);
      expect(calendar.status()).toBe(200);
      expect((await calendar.text()).match(/BEGIN:VEVENT/g)).toHaveLength(3);
      await app.dispose();
    });

    test("a visitor sees only the plenary, in Arabic right to left, on a phone, and printed without the tools", async ({
      browser,
      baseURL,
    }) => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await page.goto(`/rounds/${roundId}/programme`);
      await page.getByTestId("language-switcher").click();
      await page.getByRole("menuitem", { name: "العربية" }).click();
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(page.getByTestId("programme-session")).toHaveCount(1);
      await expect(page.getByTestId("programme-session")).toContainText("Plenary session");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { name: "البرنامج", level: 1 })).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("button", { name: "طباعة" })).toBeHidden();
      await expect(page.getByTestId("programme-session")).toBeVisible();
      await context.close();
    });
  });
