import { Button } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeError } from "../../shell/errors.ts";
import { FormPanel } from "../../shell/FormPanel.tsx";
import { useFollowupChange } from "./queries.ts";

/**
 * A follow-up form's sending: one POST at a time, the id of what the last one saved (null until it
 * succeeds, cleared when the next is sent), and the server's refusal.
 */
export function useFollowupSend() {
  const change = useFollowupChange();
  const [savedId, setSavedId] = useState<string | null>(null);
  /** Sends `body` to `path`; `onSaved` resets the fields the next entry should not repeat. */
  const send = (path: string, body: unknown, onSaved?: (id: string) => void) => {
    setSavedId(null);
    change.mutate(
      { path, body },
      {
        onSuccess: (saved) => {
          setSavedId(saved?.id ?? "");
          onSaved?.(saved?.id ?? "");
        },
      },
    );
  };
  return { send, savedId, error: change.error, pending: change.isPending };
}

/**
 * A follow-up form on the shell's panel: hidden in print, the server's refusal in the reader's
 * language, what was saved said as a status, and its one submit button busy while it sends.
 */
export function FollowupForm(props: {
  id: string;
  title: ReactNode;
  sending: ReturnType<typeof useFollowupSend>;
  onSubmit: () => void;
  /** What is said once saved, given the saved record's id. */
  saved: (id: string) => ReactNode;
  submitLabel: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("followup");
  const { sending } = props;
  return (
    <FormPanel
      id={props.id}
      title={props.title}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        props.onSubmit();
      }}
      error={sending.error ? describeError(t, sending.error) : null}
      done={sending.savedId !== null ? props.saved(sending.savedId) : null}
      actions={
        <Button type="submit" loading={sending.pending}>
          {props.submitLabel}
        </Button>
      }
      className="followup-no-print"
      testId={props.testId}
    >
      {props.children}
    </FormPanel>
  );
}
