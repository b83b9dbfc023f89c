import { Anchor, Badge, Text, Title, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { InEnglish, LocalText } from "../../../shell/LocalText.tsx";
import { ConflictMark } from "../components/ConflictMark.tsx";
import { ParticipantLink } from "../components/ProcessLinks.tsx";
import { NotInSources } from "../components/QueryState.tsx";
import { AttendanceBadge } from "../components/RoleBadge.tsx";
import { SourcesButton, uniqueSources } from "../components/Sources.tsx";
import { roleColor, roleOrder } from "../roles.ts";
import type { DelegationMember, RoundDelegation, RoundDetail, SubjectRecord } from "../types.ts";

/** Whether the record leaves it open that this person headed the delegation. */
export function UncertainMark({ member }: { member: DelegationMember }) {
  const { t } = useTranslation("process");
  if (!member.uncertain) return null;
  return (
    <Tooltip
      label={t("heads.uncertainExplain")}
      multiline
      w={260}
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge color="gray" variant="outline" size="xs" tabIndex={0} data-testid="head-uncertain">
        {t("heads.uncertain")}
      </Badge>
    </Tooltip>
  );
}

/** A person of a delegation: the name in their own script and in Latin letters, and the title. */
export function MemberName({ member }: { member: DelegationMember }) {
  return (
    <>
      <bdi>
        <LocalText value={member.localized?.name ?? { text: member.nameLatin, lang: "en", fallback: true }} />
      </bdi>
      {member.nameNative && member.nameNative !== member.nameLatin ? (
        <>
          {" "}
          (<bdi dir="auto">{member.nameNative}</bdi>)
        </>
      ) : null}
      {member.title ? (
        <Text component="span" size="xs" c="dimmed">
          {" — "}
          <bdi>
            <LocalText value={member.localized?.title} fallback={member.title} />
          </bdi>
        </Text>
      ) : null}
    </>
  );
}

function sourcesOfSubject(
  record: SubjectRecord | undefined,
  subjectType: string,
  subjectId: string | undefined,
) {
  const entry = record?.related.find(
    (candidate) => candidate.subject.subjectType === subjectType && candidate.subject.subjectId === subjectId,
  );
  return uniqueSources(
    ...Object.values(entry?.citations ?? {}),
    ...(entry?.facts ?? []).map((fact) => fact.sources),
  );
}

/**
 * The round's participants grouped by role, each with attendance, the head of its delegation (marked
 * when uncertain), the sources of both, and a link to the delegation; a head not found stays a gap.
 */
export function RoundParticipants({
  round,
  record,
}: {
  round: RoundDetail;
  record: SubjectRecord | undefined;
}) {
  const { t } = useTranslation("process");
  const delegationOf = new Map<string, RoundDelegation>(
    round.delegations.map((delegation) => [delegation.participant.id, delegation]),
  );
  const roles = roleOrder.filter((role) => round.participations.some((entry) => entry.role === role));
  if (roles.length === 0) return <InvitedDelegations round={round} />;
  return (
    <>
      <Text size="sm" component="div">
        <ConflictMark
          marked={round}
          fields={["participants"]}
          processSlug={round.processSlug}
          what={t("disputedFields.participants")}
        />
        <ConflictMark
          marked={round}
          fields={["heads"]}
          processSlug={round.processSlug}
          what={t("disputedFields.heads")}
        />
      </Text>
      <div className="roles-grid">
        {roles.map((role) => (
          <section key={role} aria-labelledby={`role-${role}`} className="role-group" data-role={role}>
            <Title order={3} size="h5" id={`role-${role}`} className="role-title">
              <span className="role-dot" style={{ background: roleColor(role) }} aria-hidden />
              {t(`roles.${role}`)}
              <ConflictMark
                marked={round}
                fields={
                  role === "observer"
                    ? ["observers"]
                    : role === "international_organization"
                      ? ["internationalOrganizations"]
                      : []
                }
                processSlug={round.processSlug}
                what={t(`roles.${role}`)}
              />
            </Title>
            <ul className="plain-list">
              {round.participations
                .filter((entry) => entry.role === role)
                .map((entry) => {
                  const delegation = delegationOf.get(entry.participant.id);
                  const head = delegation?.head ?? null;
                  return (
                    <li key={entry.id} className="participant-entry" data-testid="round-participant">
                      <div className="participant-line">
                        <ParticipantLink participant={entry.participant} />
                        <AttendanceBadge attendance={entry.attendance} />
                        <ConflictMark
                          marked={entry}
                          processSlug={round.processSlug}
                          what={`${entry.participant.name}: ${t(`attendance.${entry.attendance}`)}`}
                        />
                        <SourcesButton
                          sources={sourcesOfSubject(record, "round_participation", entry.id)}
                          subject={entry.participant.name}
                        />
                      </div>
                      {entry.note ? (
                        <Text size="xs" c="dimmed">
                          <InEnglish text={entry.note} />
                        </Text>
                      ) : null}
                      <Text size="sm" className="head-line" data-testid="head">
                        <span className="head-label">{t("heads.head")}:</span>{" "}
                        {head ? (
                          <>
                            <MemberName member={head} /> <UncertainMark member={head} />{" "}
                            <SourcesButton
                              sources={sourcesOfSubject(record, "delegation_member", head.id)}
                              subject={head.nameLatin}
                            />
                          </>
                        ) : (
                          <NotInSources />
                        )}
                      </Text>
                      {delegation ? (
                        <Anchor
                          component={Link}
                          to={`/round-delegations/${encodeURIComponent(delegation.id)}`}
                          size="xs"
                        >
                          {t("delegation.open", { count: delegation.members.length })}
                        </Anchor>
                      ) : null}
                    </li>
                  );
                })}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}

const notYetHeld = new Set(["planned", "announced", "in_session"]);

/**
 * Before a round's attendance is recorded: the delegations the reader may see, by role, each with its
 * accreditation (the public sees accredited ones; the secretariat and each delegation its invitations
 * too). Invitations are not public, so a round ahead says so rather than "no participant".
 */
function InvitedDelegations({ round }: { round: RoundDetail }) {
  const { t } = useTranslation("process");
  const ahead = notYetHeld.has(round.status);
  const roles = roleOrder.filter((role) => round.delegations.some((delegation) => delegation.role === role));
  return (
    <div data-testid="round-invitations">
      {roles.length > 0 ? (
        <div className="roles-grid">
          {roles.map((role) => (
            <section key={role} aria-labelledby={`invited-${role}`} data-role={role}>
              <Title order={3} size="h5" id={`invited-${role}`} className="role-title">
                <span className="role-dot" style={{ background: roleColor(role) }} aria-hidden />
                {t(`roles.${role}`)}
              </Title>
              <ul className="plain-list">
                {round.delegations
                  .filter((delegation) => delegation.role === role)
                  .map((delegation) => (
                    <li key={delegation.id} className="participant-line">
                      <ParticipantLink participant={delegation.participant} />
                      <Badge
                        variant="light"
                        color={delegation.status === "accredited" ? "teal" : "gray"}
                        size="sm"
                      >
                        {t(`delegation.statuses.${delegation.status}`)}
                      </Badge>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
      {ahead ? (
        <Text size="sm" c="dimmed" mt={roles.length > 0 ? "sm" : 0}>
          {t("participants.invitationsNotPublic")}
        </Text>
      ) : roles.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("participants.none")}
        </Text>
      ) : null}
    </div>
  );
}
