import { Alert, Button, Group, Text, Textarea } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { useHumChange } from "./queries.ts";
import { explain } from "./shared.tsx";

/**
 * Withdrawing a list or a case: a reason, then a confirmation that says what follows (nothing is
 * deleted: the record stays, marked withdrawn with the reason). The server's refusal is shown as it says it.
 */
export function WithdrawPanel(props: {
  id: string;
  title: string;
  /** What withdrawing does, said before the person confirms. */
  consequence: string;
  button: string;
  path: string;
}) {
  const { t } = useTranslation("humanitarian");
  const change = useHumChange();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!confirming) {
      setConfirming(true);
      return;
    }
    try {
      await change.mutateAsync({ path: props.path, body: { reason } });
    } catch (failure) {
      setError(explain(t, failure));
      setConfirming(false);
    }
  };
  return (
    <FormPanel id={props.id} title={props.title} onSubmit={submit} error={error}>
      <Textarea
        label={t("case.reason")}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setConfirming(false);
        }}
        required
        autosize
        minRows={2}
        dir="auto"
      />
      {confirming ? (
        <Alert color="orange" title={t("withdrawPanel.sure")}>
          <Text size="sm">{props.consequence}</Text>
          <Group mt="sm">
            <Button ref={confirmButton} type="submit" color="red" loading={change.isPending}>
              {t("withdrawPanel.confirm")}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("withdrawPanel.keep")}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group>
          <Button type="submit" color="red" variant="light" disabled={!reason.trim()}>
            {props.button}
          </Button>
        </Group>
      )}
    </FormPanel>
  );
}
