// Realistic scheduling instances with a fixed seed: days of 15-minute slots from 9:00 to 18:00 with a
// lunch break, the plenary and the press conference closing the last day, delegations of one or two
// teams arriving late or leaving early, requests mostly bilateral with priorities skewed towards a few
// sought-after delegations (the guarantors, the UN), some needing interpretation equipment.

import { seededRandom } from "../../src/server/modules/programme/scheduler/rng.ts";
import type {
  FixedSession,
  Preference,
  SchedulerDelegation,
  SchedulerInstance,
  SchedulerRequest,
  SchedulerRoom,
} from "../../src/server/modules/programme/scheduler/types.ts";

export type InstanceShape = {
  seed: number;
  delegations: number;
  requests: number;
  days: number;
  rooms: number;
  /** Conference scale: one-person delegations at tables, half-hour bilateral meetings, no plenary. */
  tradeFair?: boolean;
};

const slotsPerDay = 36;
const lunch = { start: 16, end: 20 };

/** One instance of the given shape; the same shape and seed always give the same instance. */
export function generateInstance(shape: InstanceShape): SchedulerInstance {
  const random = seededRandom(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const days = Array.from({ length: shape.days }, (_, d) => ({
    id: `day-${d + 1}`,
    slots: slotsPerDay,
    breaks: [lunch],
  }));
  const lastDay = days[days.length - 1]?.id as string;
  const fair = shape.tradeFair === true;

  const delegations: SchedulerDelegation[] = Array.from({ length: shape.delegations }, (_, i) => {
    const delegation: SchedulerDelegation = {
      id: `del-${i + 1}`,
      teams: !fair && (i < 3 || random() < 0.2) ? 2 : 1,
      teamSize: fair ? 1 + Math.floor(random() * 2) : 2 + Math.floor(random() * 3),
    };
    const roll = random();
    if (roll < 0.1) delegation.arrival = { day: "day-1", slot: 20 };
    else if (roll < 0.2 && shape.days > 1) delegation.departure = { day: lastDay, slot: 16 };
    return delegation;
  });

  const rooms: SchedulerRoom[] = Array.from({ length: shape.rooms }, (_, i) => {
    const big = i % 4 === 0;
    const capacity = fair ? (big ? 8 : 4) : big ? 20 : 8 + 2 * Math.floor(random() * 3);
    return { id: `room-${i + 1}`, capacity, equipment: !fair && random() < 0.5 ? ["interpretation"] : [] };
  });

  const fixedSessions: FixedSession[] = [];
  if (!fair) {
    const everyone = delegations.map((d) => d.id);
    rooms.push({ id: "plenary-hall", capacity: 2000, equipment: ["interpretation"], days: [lastDay] });
    fixedSessions.push(
      {
        id: "plenary",
        kind: "plenary",
        day: lastDay,
        start: 28,
        durationSlots: 4,
        room: "plenary-hall",
        participants: everyone,
        closesConsultations: true,
      },
      {
        id: "press",
        kind: "press-conference",
        day: lastDay,
        start: 33,
        durationSlots: 2,
        room: "plenary-hall",
        participants: everyone.slice(0, 3),
        after: ["plenary"],
      },
    );
  }

  // Popularity: a few delegations are sought after by many (Zipf-like).
  const popularity = delegations.map((_, i) => 1 / (1 + i) ** 0.6);
  const total = popularity.reduce((a, b) => a + b, 0);
  const popular = () => {
    let x = random() * total;
    for (let i = 0; i < popularity.length; i++) {
      x -= popularity[i] as number;
      if (x <= 0) return i;
    }
    return popularity.length - 1;
  };
  const preferences: Preference[] = ["must", "would-like", "would-like", "not-needed"];
  const requests: SchedulerRequest[] = [];
  for (let k = 0; k < shape.requests; k++) {
    const requester = Math.floor(random() * delegations.length);
    const size = fair ? 1 : random() < 0.75 ? 1 : random() < 0.8 ? 2 : 3;
    const invitees = new Set<number>();
    while (invitees.size < Math.min(size, delegations.length - 1)) {
      const other = popular();
      if (other !== requester) invitees.add(other);
    }
    const inviteeIds = [...invitees].map((i) => delegations[i]?.id as string);
    const request: SchedulerRequest = {
      id: `req-${k + 1}`,
      requester: delegations[requester]?.id as string,
      invitees: inviteeIds,
      durationSlots: fair ? 2 : 2 + Math.floor(random() * 3),
      preference: pick(preferences),
      state: random() < 0.03 ? "declined" : "accepted",
    };
    if (random() < 0.5) request.inviteePreferences = { [inviteeIds[0] as string]: pick(preferences) };
    if (random() < 0.3)
      request.preferred = random() < 0.5 ? { day: pick(days).id } : { from: 0, to: lunch.start };
    if (!fair && random() < 0.1) request.equipment = ["interpretation"];
    requests.push(request);
  }
  return { days, rooms, delegations, requests, fixedSessions, minGapSlots: 1 };
}
