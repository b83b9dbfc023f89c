// The CLI's texts in several languages (`--text`, `--text-ru`, `--text-ar`, `--text-original`) become the
// input the API and the forms send, so the contract judges all three alike.
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/common.ts";
import { textFrom, textOptions } from "../../src/cli/options.ts";
import { AnnounceRoundInput, NextRoundDecisionInput } from "../../src/contracts/process.ts";

function parse(flag: string, args: string[]) {
  const command = textOptions(new Command("x").exitOverride(), flag, "the text");
  command.parse(args, { from: "user" });
  return textFrom(command.opts(), flag);
}

describe("texts in several languages on the command line", () => {
  it("sends one English string when only English is given, else the versions with their original", () => {
    expect(parse("text", ["--text", "Announced."])).toBe("Announced.");
    expect(parse("text", ["--text", "Announced.", "--text-ru", "Объявлено."])).toEqual({
      original: "en",
      en: "Announced.",
      ru: "Объявлено.",
    });
    expect(parse("wording", ["--wording-ar", "في أستانا", "--wording-original", "ar"])).toEqual({
      original: "ar",
      ar: "في أستانا",
    });
    expect(parse("text", [])).toBeUndefined();
    expect(() => parse("text", ["--text", "x", "--text-original", "fr"])).toThrow(UsageError);
  });

  it("leaves the rule to the contract: an original without its version is refused there, as for the API", () => {
    const wording = parse("wording", ["--wording", "in Astana", "--wording-original", "ru"]);
    expect(NextRoundDecisionInput.safeParse({ wording }).success).toBe(false);
    const text = parse("text", ["--text-ru", "Объявлено.", "--text-original", "ru"]);
    expect(AnnounceRoundInput.safeParse({ publishedOn: "2031-01-01", text }).success).toBe(true);
  });
});
