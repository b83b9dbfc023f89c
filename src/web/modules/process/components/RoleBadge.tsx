import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { roleColor } from "../roles.ts";
import type { Attendance } from "../types.ts";

/** A participant's role in a round or process, in the role's colour of the attendance matrix. */
export function RoleBadge({ role }: { role: string }) {
  const { t } = useTranslation("process");
  return (
    <Badge color={roleColor(role)} variant="filled" radius="sm" className="role-badge">
      {t(`roles.${role}`, { defaultValue: role })}
    </Badge>
  );
}

const attendanceColors: Record<Attendance, string> = {
  attended: "teal",
  absent: "red",
  boycotted: "red",
  declined: "orange",
  unknown: "gray",
};

/** Whether the participant attended; "attended" is the ordinary case and is shown only on request. */
export function AttendanceBadge({
  attendance,
  always = false,
}: {
  attendance: Attendance;
  always?: boolean;
}) {
  const { t } = useTranslation("process");
  if (attendance === "attended" && !always) return null;
  return (
    <Badge color={attendanceColors[attendance]} variant="light" radius="sm">
      {t(`attendance.${attendance}`)}
    </Badge>
  );
}
