import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { type CaseDetail, caseKinds, listSharings } from "../../../contracts/humanitarian.ts";
import { ApiError } from "../../shell/api.ts";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { Page } from "../../shell/Page.tsx";
import { pageData } from "../../shell/page-data.tsx";
import { type CaseValues, caseValues, checkCase, emptyCase, nameParts, personOf } from "./case-form.ts";
import { apiPath, useCase, useHumChange } from "./queries.ts";
import { explain, fullName, useHumContext } from "./shared.tsx";
import "./humanitarian.css";

type Refusal = { text: string; stale?: boolean; caseId?: string };

/**
 * The case's fields: names in Arabic script (right to left) and in Latin letters, the person, and the
 * detention or disappearance. Each field shows its own error (the form's check, then the server's).
 */
function CaseForm(props: {
  id: string;
  title: string;
  initial: CaseValues;
  sides: { value: string; label: string }[] | null;
  submitLabel: string;
  send: (values: CaseValues) => Promise<{ id: string }>;
  /** On a stale version: take the current version as the base, the typed values staying. */
  onRebase?: () => void;
}) {
  const { t } = useTranslation("humanitarian");
  const navigate = useNavigate();
  const [values, setValues] = useState(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CaseValues>(key: K, value: CaseValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const setName = (script: "arabic" | "latin", part: (typeof nameParts)[number], value: string) =>
    setValues((current) => ({ ...current, [script]: { ...current[script], [part]: value } }));
  const fieldError = (key: string) => errors[key] ?? errors[key.replace(/^person\./, "")];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkCase(values);
    const local = Object.fromEntries(
      Object.entries(checked).map(([key, code]) => [key, t(`caseForm.check.${code}`)]),
    );
    setErrors(local);
    setRefusal(null);
    if (Object.keys(local).length > 0) {
      setRefusal({ text: t("caseForm.fix") });
      return;
    }
    setBusy(true);
    try {
      const { id } = await props.send(values);
      navigate(`/humanitarian/cases/${encodeURIComponent(id)}`);
    } catch (failure) {
      const api = failure instanceof ApiError ? failure : null;
      setErrors(api?.fieldErrors ?? {});
      const caseId = (api?.details as { caseId?: unknown } | null)?.caseId;
      setRefusal({
        text: api?.code === "stale_version" ? t("caseForm.stale") : explain(t, failure),
        stale: api?.code === "stale_version",
        ...(typeof caseId === "string" ? { caseId } : {}),
      });
    } finally {
      setBusy(false);
    }
  };

  const refusalText = refusal ? (
    <>
      <Text size="sm">{refusal.text}</Text>
      {refusal.caseId ? (
        <Anchor component={Link} to={`/humanitarian/cases/${encodeURIComponent(refusal.caseId)}`} size="sm">
          {t("caseForm.openExisting")}
        </Anchor>
      ) : null}
      {refusal.stale && props.onRebase ? (
        <Button
          mt="xs"
          size="xs"
          variant="light"
          onClick={() => {
            props.onRebase?.();
            setRefusal({ text: t("caseForm.rebased") });
          }}
        >
          {t("caseForm.rebase")}
        </Button>
      ) : null}
    </>
  ) : null;

  return (
    <FormPanel id={props.id} title={props.title} onSubmit={submit} error={refusalText}>
      {props.sides ? (
        <NativeSelect
          label={t("side")}
          data={props.sides}
          value={values.delegationId}
          onChange={(e) => set("delegationId", e.currentTarget.value)}
          required
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t("cases.kind")}
          data={caseKinds.map((value) => ({ value, label: t(`kind.${value}`) }))}
          value={values.kind}
          onChange={(e) => set("kind", e.currentTarget.value as CaseValues["kind"])}
          error={fieldError("kind")}
        />
        <NativeSelect
          label={t("lists.sharing")}
          data={listSharings.map((value) => ({ value, label: t(`sharing.${value}`) }))}
          value={values.sharing}
          onChange={(e) => set("sharing", e.currentTarget.value as CaseValues["sharing"])}
          error={fieldError("sharing")}
        />
      </SimpleGrid>
      <Text
        size="sm"
        c={errors.person ? "red" : "dimmed"}
        id={`${props.id}-names-help`}
        role={errors.person ? "alert" : undefined}
      >
        {errors.person ?? t("caseForm.namesHelp")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Fieldset legend={t("caseForm.arabicNames")} lang="ar" dir="rtl">
          {nameParts.map((part) => (
            <TextInput
              key={part}
              label={t(`column.${part}_ar`)}
              value={values.arabic[part]}
              onChange={(e) => setName("arabic", part, e.currentTarget.value)}
              error={fieldError(`person.arabic.${part}`) ?? Boolean(errors.person)}
              lang="ar"
              dir="rtl"
              autoComplete="off"
              mb="xs"
            />
          ))}
        </Fieldset>
        <Fieldset legend={t("caseForm.latinNames")} lang="en" dir="ltr">
          {nameParts.map((part) => (
            <TextInput
              key={part}
              label={t(`column.${part}_latin`)}
              value={values.latin[part]}
              onChange={(e) => setName("latin", part, e.currentTarget.value)}
              error={fieldError(`person.latin.${part}`) ?? Boolean(errors.person)}
              dir="ltr"
              autoComplete="off"
              mb="xs"
            />
          ))}
        </Fieldset>
      </SimpleGrid>
      <Fieldset legend={t("caseForm.person")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t("person.sex")}
            data={[
              { value: "", label: t("caseForm.unknown") },
              { value: "male", label: t("sex.male") },
              { value: "female", label: t("sex.female") },
            ]}
            value={values.sex}
            onChange={(e) => set("sex", e.currentTarget.value as CaseValues["sex"])}
            error={fieldError("person.sex")}
          />
          <TextInput
            label={t("column.origin")}
            value={values.origin}
            onChange={(e) => set("origin", e.currentTarget.value)}
            error={fieldError("person.origin")}
            dir="auto"
          />
          <TextInput
            type="date"
            label={t("caseForm.birthDate")}
            value={values.birthDate}
            onChange={(e) => set("birthDate", e.currentTarget.value)}
            error={fieldError("person.birthDate")}
          />
          <TextInput
            label={t("caseForm.birthYear")}
            description={t("caseForm.yearHelp")}
            inputMode="numeric"
            value={values.birthYear}
            onChange={(e) => set("birthYear", e.currentTarget.value)}
            error={fieldError("person.birthYear")}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t("caseForm.event")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t("caseForm.eventDate")}
            value={values.eventDate}
            onChange={(e) => set("eventDate", e.currentTarget.value)}
            error={fieldError("person.eventDate")}
          />
          <TextInput
            label={t("caseForm.eventYear")}
            description={t("caseForm.yearHelp")}
            inputMode="numeric"
            value={values.eventYear}
            onChange={(e) => set("eventYear", e.currentTarget.value)}
            error={fieldError("person.eventYear")}
          />
          <TextInput
            label={t("person.eventPlace")}
            value={values.eventPlace}
            onChange={(e) => set("eventPlace", e.currentTarget.value)}
            error={fieldError("person.eventPlace")}
            dir="auto"
          />
        </SimpleGrid>
      </Fieldset>
      <Group>
        <Button type="submit" loading={busy}>
          {props.submitLabel}
        </Button>
      </Group>
    </FormPanel>
  );
}

/** A side registers a case by hand: every field of a list's row, for one person. */
export function CaseNewPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const context = useHumContext(slug);
  const change = useHumChange();
  const loaded = pageData(context.process, t, t("caseForm.newTitle"));
  if ("element" in loaded) return loaded.element;
  const sides = context.mySides.map((side) => ({
    value: side.delegationId,
    label: context.nameOf(side.participantId),
  }));
  const first = sides[0];
  return (
    <Page title={t("caseForm.newTitle")}>
      {first ? (
        <CaseForm
          id="case-new"
          title={t("caseForm.fields")}
          initial={emptyCase(first.value)}
          sides={sides}
          submitLabel={t("caseForm.create")}
          send={async (values) =>
            (await change.mutateAsync({
              path: apiPath("processes", slug, "humanitarian", "cases"),
              body: {
                delegationId: values.delegationId,
                kind: values.kind,
                sharing: values.sharing,
                person: personOf(values),
              },
            })) as { id: string }
          }
        />
      ) : (
        <Alert color="yellow" role="status">
          {t("caseForm.noSide")}
        </Alert>
      )}
    </Page>
  );
}

/** Correcting a case from the version read: a change based on an older read is refused (409), the typed values kept. */
function CaseEdit({ item }: { item: CaseDetail }) {
  const { t } = useTranslation("humanitarian");
  const change = useHumChange();
  const current = useCase(item.id);
  const [version, setVersion] = useState(item.version);
  return (
    <CaseForm
      id="case-edit"
      title={t("caseForm.fields")}
      initial={caseValues(item)}
      sides={null}
      submitLabel={t("caseForm.save")}
      send={async (values) => {
        await change.mutateAsync({
          path: apiPath("humanitarian", "cases", item.id),
          body: { version, kind: values.kind, sharing: values.sharing, person: personOf(values) },
        });
        return { id: item.id };
      }}
      onRebase={() => setVersion(current.data?.version ?? version)}
    />
  );
}

/** The page to correct a case (its side or the intermediary). */
export function CaseEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("humanitarian");
  const query = useCase(id);
  // The form starts from the version first read; later refetches do not overwrite what is typed.
  const [first] = useState<{ item: CaseDetail | null }>({ item: null });
  const loaded = pageData(query, t, t("caseForm.editTitle"));
  if ("element" in loaded) return loaded.element;
  first.item ??= loaded.data;
  const item = first.item;
  const name = fullName(item.person.latin) || fullName(item.person.arabic);
  return (
    <Page title={t("caseForm.editTitle")}>
      <Anchor component={Link} to={`/humanitarian/cases/${encodeURIComponent(item.id)}`}>
        {t("caseForm.back", { name: name || t("case.title") })}
      </Anchor>
      {item.can?.update ? (
        <CaseEdit item={item} />
      ) : (
        <Alert color="yellow" role="status">
          {t("caseForm.mayNotCorrect")}
        </Alert>
      )}
    </Page>
  );
}
