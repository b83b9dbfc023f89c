import { Notification, Stack } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

type Notice = { id: number; message: string };

const visibleMs = 6_000;
let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: Notice[]) {
  notices = next;
  for (const listener of listeners) listener();
}

/** Says that a save worked, for a few seconds, in a live region screen readers announce. */
export function notifySuccess(message: string): void {
  const notice = { id: nextId++, message };
  publish([...notices.slice(-2), notice]);
  setTimeout(() => dismiss(notice.id), visibleMs);
}

function dismiss(id: number) {
  if (notices.some((notice) => notice.id === id)) publish(notices.filter((notice) => notice.id !== id));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The success messages of the secretariat's pages, at the bottom corner on the reading side's end
 * (mirrored in Arabic). They stay across page changes within the workspace.
 */
export function Notices() {
  const { t } = useTranslation("shell");
  const current = useSyncExternalStore(subscribe, () => notices);
  return (
    <div className="secretariat-notices" aria-live="polite" aria-atomic="false" data-testid="notices">
      <Stack gap="xs">
        {current.map((notice) => (
          <Notification
            key={notice.id}
            color="teal"
            icon={<IconCheck size={18} aria-hidden />}
            withBorder
            closeButtonProps={{ "aria-label": t("close") }}
            onClose={() => dismiss(notice.id)}
            role="status"
          >
            {notice.message}
          </Notification>
        ))}
      </Stack>
    </div>
  );
}
