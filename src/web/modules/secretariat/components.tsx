import {
  Alert,
  Badge,
  Button,
  Card,
  type CardProps,
  Center,
  Fieldset,
  Group,
  Loader,
  Modal,
  Select,
  type SelectProps,
  SimpleGrid,
  Stack,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import type { useForm } from "@mantine/form";
import { IconAlertCircle, IconAlertTriangle, IconPencil, IconRefresh } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";

export { RecordTable } from "../process/index.ts";

import { accreditationColor, processStatusColor, roundStatusColor } from "./format.ts";
import { type AccreditationStatus, datePrecisions, type ProcessStatus, type RoundStatus } from "./types.ts";

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation("secretariat");
  return (
    <Badge color={roundStatusColor[status]} variant="light" data-status={status}>
      {t(`roundStatus.${status}`)}
    </Badge>
  );
}

export function ProcessStatusBadge({ status }: { status: ProcessStatus }) {
  const { t } = useTranslation("secretariat");
  return (
    <Badge color={processStatusColor[status]} variant="light" data-status={status}>
      {t(`processStatus.${status}`)}
    </Badge>
  );
}

export function AccreditationBadge({ status }: { status: AccreditationStatus }) {
  const { t } = useTranslation("secretariat");
  return (
    <Badge color={accreditationColor[status]} variant="light" data-status={status}>
      {t(`accreditation.${status}`)}
    </Badge>
  );
}

export function Loading() {
  const { t } = useTranslation("shell");
  return (
    <Center py="xl">
      <Loader aria-label={t("loading")} />
    </Center>
  );
}

export function LoadFailure({ error }: { error: unknown }) {
  const { t } = useTranslation(["secretariat", "shell"]);
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
      {describeError(t, error)}
    </Alert>
  );
}

/** The general message of a refused form, above its fields. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="form-error">
      {message}
    </Alert>
  );
}

/**
 * A save refused because someone else saved first: nothing was overwritten; reloading shows their
 * version, and the reader applies the change again.
 */
export function StaleAlert({ onReload, reloading }: { onReload: () => void; reloading?: boolean }) {
  const { t } = useTranslation("secretariat");
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle aria-hidden />}
      title={t("stale.title")}
      role="alert"
      data-testid="stale-alert"
    >
      {t("stale.text")}
      <Group mt="sm">
        <Button
          size="compact-sm"
          variant="white"
          color="orange"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={onReload}
          loading={reloading}
        >
          {t("stale.reload")}
        </Button>
      </Group>
    </Alert>
  );
}

/** The props `form.getInputProps` gives a field (Mantine does not export their type under NodeNext). */
type InputPropsOf = (path: string) => ReturnType<ReturnType<typeof useForm>["getInputProps"]>;

/**
 * A name in English (required), Russian and Arabic; each field is marked with its language and the
 * Arabic one is written right to left whatever the interface language.
 */
export function NamesFields({
  getInputProps,
  prefix = "names",
  legend,
  autofocus,
}: {
  getInputProps: InputPropsOf;
  prefix?: string;
  legend: string;
  autofocus?: boolean;
}) {
  const { t } = useTranslation("secretariat");
  return (
    <Fieldset legend={legend} variant="unstyled">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t("fields.nameEn")}
          lang="en"
          dir="ltr"
          required
          data-autofocus={autofocus || undefined}
          {...getInputProps(`${prefix}.en`)}
        />
        <TextInput label={t("fields.nameRu")} lang="ru" dir="ltr" {...getInputProps(`${prefix}.ru`)} />
        <TextInput label={t("fields.nameAr")} lang="ar" dir="rtl" {...getInputProps(`${prefix}.ar`)} />
      </SimpleGrid>
    </Fieldset>
  );
}

/** On a phone, the records as a list of cards instead of a table; `label` says how many there are. */
export function CardList({
  testId,
  label,
  children,
}: {
  testId: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} data-testid={testId} aria-label={label}>
      {children}
    </Stack>
  );
}

/** One record's card in a `CardList`. */
export function CardItem(
  props: CardProps & { children: ReactNode } & Record<`data-${string}`, string | number>,
) {
  return <Card component="li" withBorder radius="md" padding="sm" className="card-item" {...props} />;
}

/** The small Edit button of a table row; its accessible name says which record it edits. */
export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation("secretariat");
  return (
    <Button
      size="compact-sm"
      variant="default"
      leftSection={<IconPencil size={14} aria-hidden />}
      onClick={onClick}
      aria-label={label}
    >
      {t("actions.edit")}
    </Button>
  );
}

/** A calendar day, with the browser's own date picker (keyboard-friendly, localized). */
export function DateField(props: TextInputProps) {
  return <TextInput type="date" dir="ltr" {...props} />;
}

/** How precisely a date is known (day, month or year): one choice, never left empty. */
export function PrecisionSelect(props: SelectProps) {
  const { t } = useTranslation("secretariat");
  return (
    <Select
      label={t("fields.precision")}
      data={datePrecisions.map((precision) => ({ value: precision, label: t(`precision.${precision}`) }))}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/** A dialog for one action; its content is mounted only while open, so it reads fresh data each time. */
export function ActionDialog({
  opened,
  onClose,
  title,
  size = "lg",
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("shell");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ "aria-label": t("close") }}
      fullScreen={false}
    >
      {opened ? children : null}
    </Modal>
  );
}

/** The Cancel and submit buttons at the end of every form; the submit button waits while saving. */
export function FormButtons({
  onCancel,
  submitLabel,
  submitting,
  color,
  disabled,
}: {
  onCancel: () => void;
  submitLabel: string;
  submitting: boolean;
  color?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation("shell");
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onCancel}>
        {t("cancel")}
      </Button>
      <Button type="submit" loading={submitting} color={color} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
