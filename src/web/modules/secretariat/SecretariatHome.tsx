import { Anchor, Card, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { Page } from "../../shell/Page.tsx";
import { useSession } from "../../shell/session.ts";
import { hostedProcessIds } from "./access.ts";
import { LoadFailure, Loading, ProcessStatusBadge } from "./components.tsx";
import { localName } from "./forms.ts";
import { useProcesses } from "./queries.ts";

/**
 * /secretariat — the processes the reader runs as host secretariat (administrators see every
 * process). With one process, it opens that process's workspace directly.
 */
export function SecretariatHome() {
  const { t, i18n } = useTranslation("secretariat");
  const { account } = useSession();
  const processes = useProcesses();
  const hosted = hostedProcessIds(account);
  if (processes.isPending) return <Loading />;
  if (processes.error) return <LoadFailure error={processes.error} />;
  const items = processes.data.items.filter((process) => hosted.has(process.id) || account?.isAdmin);
  const only = items.length === 1 ? items[0] : undefined;
  if (only && hosted.has(only.id)) {
    return <Navigate to={`/secretariat/${encodeURIComponent(only.slug)}`} replace />;
  }
  return (
    <Page title={t("home.title")}>
      <Stack gap="md">
        <Text maw={640}>{t("home.intro")}</Text>
        {items.length === 0 ? (
          <Text c="dimmed">{t("home.none")}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {items.map((process) => (
              <Card key={process.id} withBorder radius="md" padding="md">
                <Stack gap="xs">
                  <Anchor component={Link} to={`/secretariat/${encodeURIComponent(process.slug)}`} fw={600}>
                    {localName(process.names, i18n.language)}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t("workspace.host", { host: localName(process.host.names, i18n.language) })}
                  </Text>
                  <div>
                    <ProcessStatusBadge status={process.status} />
                  </div>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Page>
  );
}
