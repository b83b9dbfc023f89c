import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import mammoth from "mammoth";
import { signInViaApi } from "./helpers.ts";
import { newSlugs, password, planAnnouncedRound, type Setup, setUp } from "./secretariat-setup.ts";

// A statement written in Word, opened by the secretariat through the page (the split previewed before
// it is saved), then exported to Word from the document page's Export menu.

const slugOf = newSlugs("tio");

/** The earlier statement as Word saves it: a Title, preambular paragraphs, Word-numbered operative ones. */
async function statementDocx(): Promise<Buffer> {
  const numbered = (text: string) => new Paragraph({ text, numbering: { reference: "operative", level: 0 } });
  return Packer.toBuffer(
    new Document({
      numbering: {
        config: [
          {
            reference: "operative",
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: "Joint Statement on the 22nd Meeting in Word", heading: "Title" }),
            new Paragraph({
              children: [
                new TextRun({
                  text: "Reaffirming their commitment to the sovereignty of Syria,",
                  italics: true,
                }),
              ],
            }),
            numbered("Agreed to continue working together."),
            numbered("Decided to hold the next meeting in Astana."),
          ],
        },
      ],
    }),
  );
}

test.describe
  .serial("negotiated texts: import from Word and export to Word", () => {
    let setup: Setup;
    let workspaceRound = "";

    test.beforeAll(async ({ browser, baseURL }) => {
      setup = await setUp(browser, baseURL ?? "", slugOf);
      workspaceRound = await planAnnouncedRound(browser, baseURL ?? "", setup);
    });

    test("the secretariat previews a .docx, opens it and exports the text to Word", async ({
      page,
      baseURL,
    }) => {
      await signInViaApi(page, baseURL ?? "", setup.secretariat.email, password);
      await page.goto(workspaceRound);
      await page.getByRole("tab", { name: "Texts" }).click();
      await page.locator('input[type="file"]').setInputFiles({
        name: "statement.docx",
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        buffer: await statementDocx(),
      });
      const preview = page.getByTestId("docx-preview");
      await expect(preview.getByLabel("Title")).toHaveValue("Joint Statement on the 22nd Meeting in Word");
      await expect(preview).toContainText("3 paragraphs");
      await expect(preview.getByRole("listitem")).toHaveText([
        "PreambularReaffirming their commitment to the sovereignty of Syria,",
        "1.Agreed to continue working together.",
        "2.Decided to hold the next meeting in Astana.",
      ]);
      await preview.getByRole("button", { name: "Open this text" }).click();
      await expect(page).toHaveURL(/\/texts\//);
      const compilation = page.getByTestId("compilation");
      await expect(compilation.getByTestId("paragraph")).toHaveCount(3);
      await expect(compilation).toContainText("2. Decided to hold the next meeting in Astana.");

      await page.getByTestId("export-menu").click();
      const downloading = page.waitForEvent("download");
      await page.getByRole("menuitem", { name: "Word (.docx)" }).first().click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^joint-statement-on-the-22nd-meeting-in-word-v1\.docx$/);
      const file = await readFile((await download.path()) ?? "");
      const text = (await mammoth.extractRawText({ buffer: file })).value;
      expect(text).toContain("Joint Statement on the 22nd Meeting in Word");
      expect(text).toContain("2.\tDecided to hold the next meeting in Astana.");
    });
  });
