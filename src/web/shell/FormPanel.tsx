import { Alert, Paper, Stack, Title } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";

/**
 * A form of its own on a page: a bordered panel named by its heading (the form's accessible name) with
 * the server's refusal, when there is one, announced above the fields, so every module's forms read
 * and sound the same.
 */
export function FormPanel(props: {
  id: string;
  title: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  error?: ReactNode;
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
      </Stack>
    </Paper>
  );
}
