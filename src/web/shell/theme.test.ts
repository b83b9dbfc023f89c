import { DEFAULT_THEME, mergeMantineTheme, parseThemeColor } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { accessibleColors, contrastRatio, readableOn, theme } from "./theme.ts";

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const light = accessibleColors(resolved).light ?? {};
const page = [resolved.white, resolved.colors.gray[0], resolved.colors.gray[1]];

describe("the theme's colours reach WCAG 2.2 AA (4.5:1)", () => {
  it("Mantine's own grey text and links do not, which is why the theme replaces them", () => {
    expect(contrastRatio(resolved.colors.gray[6], "#ffffff")).toBeLessThan(4.5);
    expect(contrastRatio(resolved.colors.yellow[9], resolved.colors.yellow[1])).toBeLessThan(3);
  });

  it("dimmed text, links and errors read on white and on the light grey surfaces", () => {
    for (const name of ["dimmed", "anchor", "error"]) {
      const color = light[`--mantine-color-${name}`] ?? "";
      for (const surface of page) expect(contrastRatio(color, surface), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("every colour's text and outline read on the page, and its light variant on its own tint", () => {
    for (const [name, shades] of Object.entries(resolved.colors)) {
      for (const surface of page) {
        expect(
          contrastRatio(light[`--mantine-color-${name}-text`] ?? "", surface),
          name,
        ).toBeGreaterThanOrEqual(4.5);
      }
      for (const tint of [shades[1], shades[2]]) {
        expect(
          contrastRatio(light[`--mantine-color-${name}-light-color`] ?? "", tint),
          `${name} light`,
        ).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("a filled colour takes whichever of black or white text reads on it", () => {
    for (const [name, shades] of Object.entries(resolved.colors)) {
      const background = shades[7];
      const text = parseThemeColor({ color: name, theme: resolved }).isLight
        ? resolved.black
        : resolved.white;
      expect(contrastRatio(text, background), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("a colour that already reads is kept as it is", () => {
    expect(readableOn("#000000", ["#ffffff"])).toBe("#000000");
  });
});
