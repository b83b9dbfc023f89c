import { Alert, Anchor, Container, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** Shown instead of a page that failed to render, with a way back; the details go to the console. */
export function RouteErrorPage() {
  const { t } = useTranslation("shell");
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t("crash.title")} role="alert">
          {t("crash.text")}
        </Alert>
        <Anchor href="/">{t("notFound.home")}</Anchor>
      </Stack>
    </Container>
  );
}
