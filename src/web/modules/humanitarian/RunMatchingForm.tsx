import { Button, Group, NativeSelect, NumberInput, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { apiPath, humKeys, useHumChange, useJob, useLists } from "./queries.ts";
import { explain, useHumContext } from "./shared.tsx";

/** Starts a matching run (a background job) and shows its progress from the job's live events. */
export function RunMatchingForm({ slug }: { slug: string }) {
  const { t } = useTranslation("humanitarian");
  const context = useHumContext(slug);
  const lists = (useLists(slug).data?.lists ?? []).filter((list) => !list.withdrawn);
  const change = useHumChange();
  const [mode, setMode] = useState("lists");
  const [left, setLeft] = useState("");
  const [right, setRight] = useState("");
  const [threshold, setThreshold] = useState<number | string>(0.5);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId, true).data;
  const running = Boolean(jobId) && (!job || job.state === "queued" || job.state === "running");
  const client = useQueryClient();
  const finished = job?.state === "succeeded";
  // The candidates are written when the job ends: the queue is read again then, live event or not.
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: humKeys.all });
  }, [finished, client]);
  const options = lists.map((list) => ({
    value: list.id,
    label: `${list.title} (${context.nameOf(list.participantId)})`,
  }));
  const leftId = left || options[0]?.value || "";
  const rightId = right || options.find((o) => o.value !== leftId)?.value || "";
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const started = await change.mutateAsync({
        path: apiPath("processes", context.processId, "humanitarian", "matching-runs"),
        body: {
          mode,
          leftListId: leftId,
          ...(mode === "lists" ? { rightListId: rightId } : {}),
          threshold: Number(threshold),
        },
      });
      setJobId(String(started.jobId));
    } catch (failure) {
      setError(explain(t, failure));
    }
  };
  return (
    <FormPanel id="run-matching" title={t("review.run")} onSubmit={submit} error={error}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <NativeSelect
          label={t("review.mode")}
          data={["lists", "cases", "duplicates"].map((value) => ({ value, label: t(`mode.${value}`) }))}
          value={mode}
          onChange={(e) => setMode(e.currentTarget.value)}
        />
        <NativeSelect
          label={t("review.left")}
          data={options}
          value={leftId}
          onChange={(e) => setLeft(e.currentTarget.value)}
        />
        {mode === "lists" ? (
          <NativeSelect
            label={t("review.right")}
            data={options}
            value={rightId}
            onChange={(e) => setRight(e.currentTarget.value)}
          />
        ) : null}
        <NumberInput
          label={t("review.threshold")}
          min={0.05}
          max={1}
          step={0.05}
          decimalScale={2}
          value={threshold}
          onChange={setThreshold}
        />
      </SimpleGrid>
      <Group>
        <Button
          type="submit"
          loading={change.isPending}
          disabled={
            !leftId || !context.processId || running || (mode === "lists" && (!rightId || rightId === leftId))
          }
        >
          {t("review.start")}
        </Button>
      </Group>
      {jobId ? (
        <Stack gap={4}>
          <Text size="sm" id="matching-progress" role="status">
            {job?.state === "failed"
              ? t("review.failed", { message: job.error?.message ?? "" })
              : t(`review.job.${job?.state ?? "queued"}`, {
                  percent: Math.round((job?.progress ?? 0) * 100),
                })}
          </Text>
          <Progress
            value={(job?.progress ?? 0) * 100}
            animated={running}
            aria-labelledby="matching-progress"
          />
        </Stack>
      ) : null}
    </FormPanel>
  );
}
