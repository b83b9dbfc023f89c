import { Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled part of a page; the title's id lets the part be linked to and named by its heading. */
export function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="page-section">
      <div className="section-heading">
        <Title order={2} size="h3" id={`${id}-title`}>
          {title}
        </Title>
        {actions}
      </div>
      {children}
    </section>
  );
}
