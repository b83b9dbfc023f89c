import { Alert } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * A page's membership dialog and the message left once its form succeeds: finishing closes the
 * dialog and says what was done, so the administrator sees the result without hunting for it.
 */
export function useDialogWithNotice<Dialog>() {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return {
    dialog,
    open: (next: Dialog) => setDialog(next),
    close: () => setDialog(null),
    finish: (message: string) => {
      setDialog(null);
      setDone(message);
    },
    done,
    announce: (message: string) => setDone(message),
    dismiss: () => setDone(null),
  };
}

/** The message saying what was just done, closable, announced to screen readers. */
export function DoneNotice({
  message,
  onClose,
  testId,
}: {
  message: string | null;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation("shell");
  if (!message) return null;
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck aria-hidden />}
      withCloseButton
      closeButtonLabel={t("shell:close")}
      onClose={onClose}
      role="status"
      data-testid={testId}
    >
      {message}
    </Alert>
  );
}
