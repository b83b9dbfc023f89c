import { Alert, Paper, Stack, TextInput, type TextInputProps, Title } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";

/** The narrow card the pages before the application (setup, sign-in) stand in, headed by its title. */
export function AuthCard({
  title,
  width,
  gap = "md",
  children,
}: {
  title: string;
  width: number;
  gap?: "sm" | "md";
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" radius="md" maw={width} mx="auto" mt="xl">
      <Stack gap={gap}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Why the last submission failed, announced to screen readers; nothing when it did not. */
export function FailureAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}

/** The e-mail address that names an account: the browser offers it as the user name, written left to right. */
export function EmailField(props: TextInputProps) {
  return <TextInput type="email" autoComplete="username" dir="ltr" required {...props} />;
}
