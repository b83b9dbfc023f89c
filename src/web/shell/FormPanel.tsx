import { Alert, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";

/**
 * A form of its own on a page: a bordered panel named by its heading (the form's accessible name) with
 * the server's refusal, when there is one, announced above the fields, what was done announced after
 * them (`done`, a status), then its buttons (`actions`), so every module's forms read and sound the same.
 */
export function FormPanel(props: {
  id: string;
  title: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  error?: ReactNode;
  /** Said once the form's work is done ("Recorded."), as a polite status. */
  done?: ReactNode;
  /** The form's buttons, in a row after the fields. */
  actions?: ReactNode;
  /** A class of the page's own (e.g. one its print stylesheet hides). */
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={props.onSubmit}
      aria-labelledby={props.id}
      className={props.className}
      data-testid={props.testId}
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id={props.id}>
          {props.title}
        </Title>
        {props.error ? (
          <Alert color="red" role="alert">
            {props.error}
          </Alert>
        ) : null}
        {props.children}
        {props.done ? (
          <Text size="sm" role="status" c="green.8">
            {props.done}
          </Text>
        ) : null}
        {props.actions ? <Group>{props.actions}</Group> : null}
      </Stack>
    </Paper>
  );
}
