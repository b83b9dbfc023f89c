import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  darken,
  Loader,
  luminance,
  type MantineTheme,
} from "@mantine/core";

/** WCAG 2.2 AA: normal text needs 4.5:1 against what it is drawn on (1.4.3). */
export const minimumTextContrast = 4.5;

/** The contrast ratio of two opaque colours, as WCAG defines it (1:1 to 21:1). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * The colour itself if it reads at 4.5:1 on every background given, else the same hue darkened just
 * enough. Mantine's default shades are drawn for looks: its grey text, its links and its yellow, orange,
 * teal or green text on their own tints fall to 2.7–4.3:1, which WCAG 2.2 AA refuses.
 */
export function readableOn(color: string, backgrounds: readonly string[]): string {
  let candidate = color;
  for (let amount = 0.04; amount <= 1; amount += 0.04) {
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= minimumTextContrast))
      return candidate;
    candidate = darken(color, amount);
  }
  return candidate;
}

const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif';

/**
 * The app's theme. Shade 7 is the filled shade (indigo 7 carries white text at 5:1), and filled
 * badges and buttons of every colour take black or white text by luminance at 0.179, the point where
 * both reach 4.58:1, so a yellow or teal badge stays legible without anyone choosing its text colour.
 */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 7, dark: 5 },
  autoContrast: true,
  luminanceThreshold: 0.179,
  focusRing: "auto",
  defaultRadius: "md",
  fontFamily,
  components: {
    // A spinner is named ("Loading…") for screen readers; a name needs a role to be allowed (ARIA 1.2).
    Loader: Loader.extend({ defaultProps: { role: "status" } }),
    // A status is never cut ("CONC…"): a badge keeps its width in a crowded row, and wraps where it must.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, height: "auto", minHeight: "var(--badge-height)", maxWidth: "100%" },
        label: { overflow: "visible", textOverflow: "clip", whiteSpace: "normal", lineHeight: 1.25 },
      },
    }),
  },
});

/** The page and the tinted surfaces text sits on: white, Mantine's striped rows and light fills. */
function surfaces(theme: MantineTheme): string[] {
  return [theme.white, theme.colors.gray[0], theme.colors.gray[1]];
}

/**
 * Text colours that reach WCAG AA on the surfaces they are drawn on, set at the source so that every
 * module inherits them: dimmed text, links and errors; each colour's text, outline, and its "light"
 * variant's text on its own tint (badges, alerts, subtle buttons).
 */
export const accessibleColors: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {
    "--mantine-color-dimmed": readableOn(resolved.colors.gray[6], surfaces(resolved)),
    "--mantine-color-anchor": readableOn(
      resolved.colors[resolved.primaryColor]?.[7] ?? resolved.black,
      surfaces(resolved),
    ),
    "--mantine-color-error": readableOn(resolved.colors.red[7], surfaces(resolved)),
  };
  for (const [name, shades] of Object.entries(resolved.colors)) {
    const onSurfaces = readableOn(shades[7], surfaces(resolved));
    light[`--mantine-color-${name}-text`] = onSurfaces;
    light[`--mantine-color-${name}-outline`] = onSurfaces;
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], [
      shades[1],
      shades[2],
      ...surfaces(resolved),
    ]);
  }
  return { variables: {}, light, dark: {} };
};
