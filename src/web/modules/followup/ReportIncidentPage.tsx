import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { geoPrecisions, sensitiveFields, timePrecisions } from "../../../contracts/followup.ts";
import { describeError } from "../../shell/errors.ts";
import { Page } from "../../shell/Page.tsx";
import { useSession } from "../../shell/session.ts";
import { reportsIncidents } from "./access.ts";
import { eventTypeColours } from "./colours.ts";
import { eventTypeLabel } from "./IncidentList.tsx";
import { apiPath, useFollowupChange, useProcessRef } from "./queries.ts";
import "./followup.css";

const eventTypes = Object.keys(eventTypeColours);

/**
 * Reporting an incident by hand (the monitors, the secretariat, the guarantors and the parties): when
 * and where (with their precision), what and who, fatalities, sources and notes; who reported it and
 * which fields are sensitive are kept for the monitoring team only. The report starts "reported" and
 * raw (the process's tier); it opens once recorded.
 */
export function ReportIncidentPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("followup");
  const navigate = useNavigate();
  const me = useSession().account;
  const process = useProcessRef(slug);
  const change = useFollowupChange();
  const [occurredOn, setOccurredOn] = useState("");
  const [timePrecision, setTimePrecision] = useState<string>("day");
  const [latitude, setLatitude] = useState<number | string>("");
  const [longitude, setLongitude] = useState<number | string>("");
  const [geoPrecision, setGeoPrecision] = useState<string>("exact");
  const [location, setLocation] = useState("");
  const [eventType, setEventType] = useState(eventTypes[0] ?? "Battles");
  const [subEventType, setSubEventType] = useState("");
  const [actor1, setActor1] = useState("");
  const [actor2, setActor2] = useState("");
  const [fatalities, setFatalities] = useState<number | string>(0);
  const [source, setSource] = useState("");
  const [notes, setNotes] = useState("");
  const [reporter, setReporter] = useState("");
  const [sensitive, setSensitive] = useState<string[]>([]);
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    change.mutate(
      {
        path: apiPath("processes", slug, "incidents"),
        body: {
          occurredOn: occurredOn.trim(),
          timePrecision,
          latitude: Number(latitude),
          longitude: Number(longitude),
          geoPrecision,
          location: optional(location),
          eventType,
          subEventType: optional(subEventType),
          actor1: optional(actor1),
          actor2: optional(actor2),
          fatalities: Number(fatalities) || 0,
          sources: source.trim() ? [{ url: source.trim() }] : [],
          notes: optional(notes),
          reporter: optional(reporter),
          sensitive,
        },
      },
      {
        onSuccess: ({ id }) =>
          navigate(`/processes/${encodeURIComponent(slug)}/incidents/${encodeURIComponent(id)}`),
      },
    );
  };
  const back = (
    <Anchor component={Link} to={`/processes/${encodeURIComponent(slug)}/followup`}>
      {t("links.back")}
    </Anchor>
  );
  if (process.data && !reportsIncidents(me, process.data.id))
    return (
      <Page title={t("reportIncident.title")} actions={back}>
        <Text>{t("reportIncident.notAllowed")}</Text>
      </Page>
    );
  return (
    <Page title={t("reportIncident.title")} actions={back}>
      <Text>{t("reportIncident.intro")}</Text>
      <Paper withBorder p="md" component="form" onSubmit={submit} data-testid="incident-report-form">
        <Stack gap="sm">
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              label={t("reportIncident.day")}
              value={occurredOn}
              onChange={(event) => setOccurredOn(event.currentTarget.value)}
              placeholder="2025-03-10"
              required
            />
            <NativeSelect
              label={t("reportIncident.timePrecision")}
              value={timePrecision}
              onChange={(event) => setTimePrecision(event.currentTarget.value)}
              data={timePrecisions.map((value) => ({ value, label: t(`precision.${value}`) }))}
            />
          </Group>
          <Group grow wrap="wrap" align="flex-start">
            <NumberInput
              label={t("reportIncident.latitude")}
              value={latitude}
              onChange={setLatitude}
              decimalScale={6}
              required
            />
            <NumberInput
              label={t("reportIncident.longitude")}
              value={longitude}
              onChange={setLongitude}
              decimalScale={6}
              required
            />
            <NativeSelect
              label={t("reportIncident.geoPrecision")}
              value={geoPrecision}
              onChange={(event) => setGeoPrecision(event.currentTarget.value)}
              data={geoPrecisions.map((value) => ({ value, label: t(`precision.${value}`) }))}
            />
          </Group>
          <TextInput
            label={t("reportIncident.location")}
            value={location}
            onChange={(event) => setLocation(event.currentTarget.value)}
          />
          <Group grow wrap="wrap" align="flex-start">
            <NativeSelect
              label={t("reportIncident.type")}
              value={eventType}
              onChange={(event) => setEventType(event.currentTarget.value)}
              data={eventTypes.map((value) => ({ value, label: eventTypeLabel(t, value) }))}
            />
            <TextInput
              label={t("reportIncident.subType")}
              value={subEventType}
              onChange={(event) => setSubEventType(event.currentTarget.value)}
            />
          </Group>
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              label={t("reportIncident.actor1")}
              value={actor1}
              onChange={(event) => setActor1(event.currentTarget.value)}
            />
            <TextInput
              label={t("reportIncident.actor2")}
              value={actor2}
              onChange={(event) => setActor2(event.currentTarget.value)}
            />
            <NumberInput
              label={t("incident.fatalities")}
              value={fatalities}
              onChange={setFatalities}
              min={0}
              allowDecimal={false}
            />
          </Group>
          <TextInput
            label={t("commitments.sourceUrl")}
            value={source}
            onChange={(event) => setSource(event.currentTarget.value)}
            type="url"
          />
          <Textarea
            label={t("incident.notes")}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <TextInput
            label={t("reportIncident.reporter")}
            description={t("reportIncident.reporterHint")}
            value={reporter}
            onChange={(event) => setReporter(event.currentTarget.value)}
          />
          <Checkbox.Group
            label={t("reportIncident.sensitive")}
            description={t("reportIncident.sensitiveHint")}
            value={sensitive}
            onChange={setSensitive}
          >
            <Group gap="md" mt={4}>
              {sensitiveFields.map((field) => (
                <Checkbox key={field} value={field} label={t(`reportIncident.fields.${field}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {change.error ? (
            <Alert color="red" role="alert">
              {describeError(t, change.error)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t("reportIncident.save")}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Page>
  );
}
