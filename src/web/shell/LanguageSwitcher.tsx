import { Button, Menu, Text, VisuallyHidden } from "@mantine/core";
import { IconCheck, IconLanguage } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { languages } from "./i18n.ts";
import { useChangeLanguage } from "./language.ts";

/**
 * The language menu in the header; each language is named in its own language and script. The button's
 * name is built from its visible text (the code on a phone, the name on a laptop) so that what a speech
 * user sees is what they can say (WCAG 2.5.3, label in name).
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation("shell");
  const changeLanguage = useChangeLanguage();
  const current = languages.find((language) => language.code === i18n.language) ?? languages[0];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-md"
          leftSection={<IconLanguage size={18} aria-hidden />}
          data-testid="language-switcher"
        >
          <VisuallyHidden>{t("language.current")} </VisuallyHidden>
          <Text component="span" inherit lang={current?.code} hiddenFrom="sm">
            {current?.code.toUpperCase()}
          </Text>
          <Text component="span" inherit lang={current?.code} visibleFrom="sm">
            {current?.name}
          </Text>
          <VisuallyHidden>. {t("language.another")}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("language.label")}</Menu.Label>
        {languages.map((language) => (
          <Menu.Item
            key={language.code}
            lang={language.code}
            dir={language.dir}
            onClick={() => void changeLanguage(language.code)}
            rightSection={language.code === i18n.language ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={language.code === i18n.language ? "true" : undefined}
          >
            {language.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
