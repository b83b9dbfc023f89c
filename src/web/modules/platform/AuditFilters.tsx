import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { IconChevronDown, IconFilter, IconX } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export type AuditFilterValues = {
  action: string;
  actor: string;
  outcome: string;
  subjectType: string;
  processId: string;
  from: string;
  to: string;
};

export const emptyFilters: AuditFilterValues = {
  action: "",
  actor: "",
  outcome: "",
  subjectType: "",
  processId: "",
  from: "",
  to: "",
};

/** The audit log's filters; they apply on submit so typing does not fire a request per key. */
export function AuditFilters({
  value,
  onApply,
}: {
  value: AuditFilterValues;
  onApply: (filters: AuditFilterValues) => void;
}) {
  const { t } = useTranslation("platform");
  const form = useForm({ initialValues: value });
  const isPhone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });
  const [shown, setShown] = useState(false);
  const active = Object.values(value).filter(Boolean).length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the address (back/forward), not the form object
  useEffect(() => form.setValues(value), [JSON.stringify(value)]);
  const fields = (
    <form onSubmit={form.onSubmit(onApply)} aria-label={t("audit.filters")} id="audit-filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t("audit.action")}
          placeholder="core.account.create"
          dir="ltr"
          {...form.getInputProps("action")}
        />
        <TextInput label={t("audit.actor")} {...form.getInputProps("actor")} />
        <NativeSelect
          label={t("audit.outcome")}
          data={[
            { value: "", label: t("audit.anyOutcome") },
            { value: "ok", label: t("audit.outcomes.ok") },
            { value: "denied", label: t("audit.outcomes.denied") },
          ]}
          {...form.getInputProps("outcome")}
        />
        <TextInput label={t("audit.subjectType")} dir="ltr" {...form.getInputProps("subjectType")} />
        <TextInput label={t("audit.processId")} dir="ltr" {...form.getInputProps("processId")} />
        <TextInput label={t("audit.from")} type="date" {...form.getInputProps("from")} />
        <TextInput label={t("audit.to")} type="date" {...form.getInputProps("to")} />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
            {t("audit.apply")}
          </Button>
          <Button
            variant="default"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => {
              form.setValues(emptyFilters);
              onApply(emptyFilters);
            }}
          >
            {t("audit.reset")}
          </Button>
        </Group>
      </SimpleGrid>
    </form>
  );
  if (!isPhone) return fields;
  // On a phone the filters would fill the screen; they open on demand.
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="default"
          leftSection={<IconFilter size={16} aria-hidden />}
          rightSection={<IconChevronDown size={16} aria-hidden className={shown ? "rotated" : undefined} />}
          aria-expanded={shown}
          aria-controls="audit-filters"
          onClick={() => setShown(!shown)}
        >
          {active > 0 ? t("audit.filtersActive", { count: active }) : t("audit.showFilters")}
        </Button>
      </Group>
      {shown ? fields : null}
    </Stack>
  );
}
