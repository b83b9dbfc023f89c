// A cheap, always-valid upper bound on the scheduler's objective, for instances too big for HiGHS:
// drop every constraint but the rooms' total time, and fill it fractionally with the requests of
// highest value per slot (each counted with its best possible preferred-time bonus), plus the whole
// fairness term. Any schedule's objective is at most this.

import { compileInstance } from "../../src/server/modules/programme/scheduler/compile.ts";
import type { SchedulerInstance } from "../../src/server/modules/programme/scheduler/types.ts";

/** The room-time knapsack bound described above. */
export function roomTimeBound(instance: SchedulerInstance): number {
  const c = compileInstance(instance);
  const dayCount = c.dayStart.length;
  // Room-slots where a consultation could run: open, outside breaks and closing sessions, not taken by a fixed session.
  const taken = new Set<number>();
  for (const fixed of c.fixedRooms)
    for (let t = fixed.from; t < fixed.to; t++) taken.add(fixed.room * c.totalSlots + t);
  let roomSlots = 0;
  for (let room = 0; room < c.roomCapacity.length; room++)
    for (let d = 0; d < dayCount; d++) {
      if (c.roomOpen[room * dayCount + d] !== 1) continue;
      const base = c.dayStart[d] as number;
      for (let s = 0; s < (c.consultationsEnd[d] as number); s++)
        if (!c.blocked[base + s] && !taken.has(room * c.totalSlots + base + s)) roomSlots++;
    }
  const items: { value: number; size: number }[] = [];
  for (let r = 0; r < c.requests.length; r++) {
    const bonuses = c.startBonus[r] as Float64Array;
    if (bonuses.length === 0 || (c.roomsOf[r] as Int32Array).length === 0) continue;
    items.push({ value: (c.weight[r] as number) + Math.max(...bonuses), size: c.duration[r] as number });
  }
  items.sort((a, b) => b.value / b.size - a.value / a.size);
  let left = Math.max(0, roomSlots);
  let bound = c.weights.fairness;
  for (const item of items) {
    if (left <= 0) break;
    const share = Math.min(1, left / item.size);
    bound += share * item.value;
    left -= share * item.size;
  }
  return bound;
}
