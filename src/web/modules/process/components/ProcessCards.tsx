import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDates, useJoin, useLocalName } from "../format.ts";
import { useProcesses } from "../queries.ts";
import { DemoBadge } from "./DemoBadge.tsx";
import { ProcessStatusBadge } from "./ProcessLinks.tsx";
import { LoadError, Loading } from "./QueryState.tsx";

/** The processes a reader may open, each as a card: name, status, host, launch date, demonstration mark. */
export function ProcessCards() {
  const { t } = useTranslation("process");
  const dates = useDates();
  const localName = useLocalName();
  const join = useJoin();
  const processes = useProcesses();
  if (processes.isPending) return <Loading />;
  if (processes.error) return <LoadError error={processes.error} onRetry={() => void processes.refetch()} />;
  if (processes.data.items.length === 0) {
    return (
      <Text c="dimmed" data-testid="no-processes">
        {t("processes.none")}
      </Text>
    );
  }
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2 }}
      spacing="md"
      data-testid="process-list"
      renderRoot={(props) => <ul {...props} className={`${props.className ?? ""} plain-list`} />}
    >
      {processes.data.items.map((process) => {
        const name = localName(process.names, process.name);
        return (
          <Paper component="li" key={process.id} withBorder p="md" radius="md" className="process-card">
            <Stack gap={6}>
              <Anchor
                component={Link}
                to={`/processes/${encodeURIComponent(process.slug)}`}
                fw={700}
                size="lg"
              >
                {name}
              </Anchor>
              <Group gap="xs">
                <ProcessStatusBadge status={process.status} />
                {process.isDemo ? <DemoBadge /> : null}
              </Group>
              <Text size="sm">
                {t("processes.hostedBy", { host: localName(process.host.names, process.host.name) })}
                {process.launchedOn
                  ? ` · ${t("processes.launchedOn", { date: dates.day(process.launchedOn) })}`
                  : null}
              </Text>
              {process.defaultCity ? (
                <Text size="sm" c="dimmed">
                  {join([process.defaultCity, process.defaultVenue])}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
