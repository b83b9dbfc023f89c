// The exact MILP of the scheduling problem for HiGHS, the reference the scheduler is measured against.
// Time-indexed binaries x[request, start, room class]: rooms alike in capacity, equipment and open days
// form a class, and a class of k rooms takes at most k meetings per slot. That aggregation is exact
// (meetings are intervals; interval graphs colour with as many rooms as their deepest slot), and it
// removes the rooms' symmetry that would otherwise drown the branch-and-bound. Each delegation has at
// most `teams` meetings (plus the minimum gap) per slot, minus what fixed sessions take; a continuous
// z ≤ every delegation's share carries the max-min fairness term. Same objective as the scheduler's.

import highsModule, { type Highs } from "highs";
import { compileInstance } from "../../src/server/modules/programme/scheduler/compile.ts";
import type { MeetingPlace, SchedulerInstance } from "../../src/server/modules/programme/scheduler/types.ts";

// highs ships ESM at run time but CommonJS-style types: take the loader from either shape.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ??
  highsModule) as () => Promise<Highs>;

export type MilpResult = {
  status: string;
  objective: number | null;
  bound: number | null;
  seconds: number;
  columns: number;
  rows: number;
  nonzeros: number;
  error?: string;
};

/** Builds the model, runs HiGHS with a time limit, and reports its best objective and proven bound. */
export async function solveWithHighs(
  instance: SchedulerInstance,
  timeLimitSeconds: number,
  options: { relaxation?: boolean; start?: MeetingPlace[] } = {},
): Promise<MilpResult> {
  const c = compileInstance(instance);
  const T = c.totalSlots;
  const dayCount = c.dayStart.length;
  const classKey = (room: number) =>
    `${c.roomCapacity[room]}|${[...(instance.rooms[room]?.equipment ?? [])].sort().join(",")}|${Array.from({ length: dayCount }, (_, d) => c.roomOpen[room * dayCount + d]).join("")}`;
  const classOf = new Map<string, number>();
  const roomClass = instance.rooms.map((_, room) => {
    const key = classKey(room);
    if (!classOf.has(key)) classOf.set(key, classOf.size);
    return classOf.get(key) as number;
  });
  const classSize = new Array<number>(classOf.size).fill(0);
  for (const k of roomClass) classSize[k] = (classSize[k] as number) + 1;
  const classTaken = new Int32Array(classOf.size * T);
  for (const fixed of c.fixedRooms)
    for (let t = fixed.from; t < fixed.to; t++)
      classTaken[(roomClass[fixed.room] as number) * T + t] =
        (classTaken[(roomClass[fixed.room] as number) * T + t] as number) + 1;
  const teamTaken = new Int32Array(c.teams.length * T);
  for (const fixed of c.fixedTeams)
    for (let t = fixed.from; t < Math.min(fixed.to, T); t++)
      teamTaken[fixed.delegation * T + t] =
        (teamTaken[fixed.delegation * T + t] as number) + (c.teams[fixed.delegation] as number);

  const rowUpper: number[] = [];
  const rowIndex = new Map<number, number>();
  const row = (key: number, upper: number) => {
    let index = rowIndex.get(key);
    if (index === undefined) {
      index = rowUpper.length;
      rowIndex.set(key, index);
      rowUpper.push(upper);
    }
    return index;
  };
  const n = c.requests.length;
  const D = c.teams.length;
  const K = classOf.size;
  // Row keys: request r → r; class slot → n + k*T + t; delegation slot → n + K*T + m*T + t; fairness m → n + K*T + D*T + m.
  const fairnessKey = (m: number) => n + K * T + D * T + m;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const cost: number[] = [];
  const F = c.weights.fairness;
  const columnOf = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const rStarts = c.starts[r] as Int32Array;
    const bonus = c.startBonus[r] as Float64Array;
    const classes = [...new Set(Array.from(c.roomsOf[r] as Int32Array, (room) => roomClass[room] as number))];
    const representative = new Map<number, number>();
    for (const room of c.roomsOf[r] as Int32Array)
      if (!representative.has(roomClass[room] as number)) representative.set(roomClass[room] as number, room);
    const duration = c.duration[r] as number;
    const members = Array.from(
      c.participants.subarray(c.participantsStart[r] as number, c.participantsStart[r + 1] as number),
    );
    for (let i = 0; i < rStarts.length; i++) {
      const g = rStarts[i] as number;
      for (const k of classes) {
        const room = representative.get(k) as number;
        if (c.roomOpen[room * dayCount + (c.dayOf[g] as number)] !== 1) continue;
        const entries = new Map<number, number>();
        entries.set(row(r, 1), 1);
        for (let t = g; t < g + duration; t++)
          entries.set(row(n + k * T + t, (classSize[k] as number) - (classTaken[k * T + t] as number)), 1);
        for (const m of members) {
          for (let t = g; t < g + duration + c.gap; t++)
            entries.set(
              row(n + K * T + m * T + t, (c.teams[m] as number) - (teamTaken[m * T + t] as number)),
              1,
            );
          if ((c.wanted[m] as number) > 0) entries.set(row(fairnessKey(m), 0), -(c.weight[r] as number));
        }
        for (const [index, value] of [...entries].sort((a, b) => a[0] - b[0])) {
          indices.push(index);
          values.push(value);
        }
        starts.push(indices.length);
        columnOf.set(`${r}:${g}:${k}`, cost.length);
        cost.push((c.weight[r] as number) + (bonus[i] as number));
      }
    }
  }
  // z, the smallest share: z·wanted(m) − Σ weight·x ≤ 0 for every delegation that wants something.
  const zEntries: [number, number][] = [];
  for (let m = 0; m < D; m++)
    if ((c.wanted[m] as number) > 0) zEntries.push([row(fairnessKey(m), 0), c.wanted[m] as number]);
  zEntries.sort((a, b) => a[0] - b[0]);
  for (const [index, value] of zEntries) {
    indices.push(index);
    values.push(value);
  }
  starts.push(indices.length);
  cost.push(F);
  const columns = cost.length;
  const highs = await loadHighs();
  const rows = rowUpper.length;
  const begin = performance.now();
  try {
    using model = highs.createModel({
      numCols: columns,
      numRows: rows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(cost),
      colLower: new Float64Array(columns),
      colUpper: new Float64Array(columns).fill(1),
      rowLower: new Float64Array(rows).fill(-highs.infinity),
      rowUpper: Float64Array.from(rowUpper, (u) => Math.max(0, u)),
      matrix: {
        format: "csc",
        numRows: rows,
        numCols: columns,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
      ...(options.relaxation
        ? {}
        : {
            integrality: Int32Array.from({ length: columns }, (_, j) =>
              j === columns - 1
                ? highs.constants.variableType.continuous
                : highs.constants.variableType.integer,
            ),
          }),
    });
    if (options.start) {
      const values = new Float64Array(columns);
      for (const place of options.start) {
        const r = c.requestIndex.get(place.requestId) as number;
        const d = instance.days.findIndex((day) => day.id === place.day);
        const k = roomClass[c.roomIndex.get(place.room) as number] as number;
        const j = columnOf.get(`${r}:${(c.dayStart[d] as number) + place.start}:${k}`);
        if (j !== undefined) values[j] = 1;
      }
      let share = 1;
      for (let m = 0; m < D; m++) {
        if (!((c.wanted[m] as number) > 0)) continue;
        let met = 0;
        for (const place of options.start) {
          const r = c.requestIndex.get(place.requestId) as number;
          if (
            Array.from(
              c.participants.subarray(c.participantsStart[r] as number, c.participantsStart[r + 1] as number),
            ).includes(m)
          )
            met += c.weight[r] as number;
        }
        share = Math.min(share, met / (c.wanted[m] as number));
      }
      values[columns - 1] = share;
      model.setSolution({ colValue: values });
    }
    model.options.set({ time_limit: timeLimitSeconds, output_flag: false, mip_rel_gap: 1e-6 });
    model.run();
    const status = String(model.getModelStatus());
    const primal = model.getObjectiveValue();
    const dual = options.relaxation ? primal : Number(model.info.get("mip_dual_bound"));
    return {
      status: statusName(highs.constants.modelStatus as Record<string, number>, Number(status)),
      objective: Number.isFinite(primal) && Math.abs(primal) < 1e20 ? primal : null,
      bound: Number.isFinite(dual) && Math.abs(dual) < 1e20 ? dual : null,
      seconds: (performance.now() - begin) / 1000,
      columns,
      rows,
      nonzeros: indices.length,
    };
  } catch (error) {
    return {
      status: "error",
      objective: null,
      bound: null,
      seconds: (performance.now() - begin) / 1000,
      columns,
      rows,
      nonzeros: indices.length,
      error: String(error),
    };
  }
}

function statusName(codes: Record<string, number>, code: number): string {
  return Object.entries(codes).find(([, value]) => value === code)?.[0] ?? String(code);
}
