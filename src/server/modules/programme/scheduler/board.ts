// The search's state: which room holds which meeting in each slot, how many teams of each delegation
// are busy in each slot (a meeting keeps its teams for its length plus the minimum gap), and the
// objective's terms kept up to date on every placement and removal.

import type { Compiled } from "./compile.ts";

const FREE = -1;
const FIXED = -2;

export class Board {
  readonly c: Compiled;
  readonly roomBusy: Int32Array;
  readonly load: Uint8Array;
  /** How many rooms are free in each slot: a start where some slot has none is skipped at once. */
  readonly freeRooms: Int32Array;
  readonly start: Int32Array;
  readonly room: Int32Array;
  readonly bonus: Float64Array;
  readonly metBy: Float64Array;
  /** Earlier placement of each request (re-solve), -1 when none. */
  readonly previousStart: Int32Array;
  readonly previousRoom: Int32Array;
  /** 1 for a meeting that may never move (locked or published). */
  readonly pinned: Uint8Array;
  weightMet = 0;
  bonusMet = 0;
  movedCount = 0;
  placedCount = 0;

  constructor(compiled: Compiled) {
    this.c = compiled;
    const slots = compiled.totalSlots;
    const n = compiled.requests.length;
    this.roomBusy = new Int32Array(compiled.roomCapacity.length * slots).fill(FREE);
    this.load = new Uint8Array(compiled.teams.length * slots);
    this.freeRooms = new Int32Array(slots).fill(compiled.roomCapacity.length);
    this.start = new Int32Array(n).fill(-1);
    this.room = new Int32Array(n).fill(-1);
    this.bonus = new Float64Array(n);
    this.metBy = new Float64Array(compiled.teams.length);
    this.previousStart = new Int32Array(n).fill(-1);
    this.previousRoom = new Int32Array(n).fill(-1);
    this.pinned = new Uint8Array(n);
    for (const fixed of compiled.fixedRooms)
      for (let t = fixed.from; t < fixed.to; t++) {
        if (this.roomBusy[fixed.room * slots + t] === FREE)
          this.freeRooms[t] = (this.freeRooms[t] as number) - 1;
        this.roomBusy[fixed.room * slots + t] = FIXED;
      }
    for (const fixed of compiled.fixedTeams) {
      const base = fixed.delegation * slots;
      const all = compiled.teams[fixed.delegation] as number;
      for (let t = fixed.from; t < Math.min(fixed.to, slots); t++)
        this.load[base + t] = Math.min(255, (this.load[base + t] as number) + all);
    }
  }

  /** The first participant with no free team over the meeting plus its gap, or -1 when all have one. */
  busyParticipant(r: number, g: number): number {
    const c = this.c;
    const slots = c.totalSlots;
    const end = g + (c.duration[r] as number) + c.gap;
    for (let p = c.participantsStart[r] as number; p < (c.participantsStart[r + 1] as number); p++) {
      const m = c.participants[p] as number;
      const cap = c.teams[m] as number;
      const base = m * slots;
      for (let t = g; t < end; t++) if ((this.load[base + t] as number) >= cap) return m;
    }
    return -1;
  }

  /** Whether some room is free in every slot of [g, g + duration): necessary for any room to be. */
  anyRoomFree(g: number, duration: number): boolean {
    for (let t = g; t < g + duration; t++) if ((this.freeRooms[t] as number) <= 0) return false;
    return true;
  }

  roomFree(room: number, g: number, duration: number): boolean {
    const base = room * this.c.totalSlots;
    for (let t = g; t < g + duration; t++) if (this.roomBusy[base + t] !== FREE) return false;
    return true;
  }

  /** Whether the room's neighbours in time are taken: packing meetings end to end wastes fewer slots. */
  snugness(room: number, g: number, duration: number): number {
    const c = this.c;
    const base = room * c.totalSlots;
    const before = g - 1;
    const after = g + duration;
    let score = 0;
    if (
      before < 0 ||
      c.dayOf[before] !== c.dayOf[g] ||
      c.blocked[before] ||
      this.roomBusy[base + before] !== FREE
    )
      score++;
    if (
      after >= c.totalSlots ||
      c.dayOf[after] !== c.dayOf[g] ||
      c.blocked[after] ||
      this.roomBusy[base + after] !== FREE
    )
      score++;
    return score;
  }

  roomOpen(room: number, g: number): boolean {
    const c = this.c;
    return c.roomOpen[room * c.dayStart.length + (c.dayOf[g] as number)] === 1;
  }

  place(r: number, g: number, room: number, bonus: number): void {
    const c = this.c;
    const slots = c.totalSlots;
    const duration = c.duration[r] as number;
    const rb = room * slots;
    for (let t = g; t < g + duration; t++) {
      this.roomBusy[rb + t] = r;
      this.freeRooms[t] = (this.freeRooms[t] as number) - 1;
    }
    const end = g + duration + c.gap;
    for (let p = c.participantsStart[r] as number; p < (c.participantsStart[r + 1] as number); p++) {
      const m = c.participants[p] as number;
      const base = m * slots;
      for (let t = g; t < end; t++) this.load[base + t] = (this.load[base + t] as number) + 1;
      this.metBy[m] = (this.metBy[m] as number) + (c.weight[r] as number);
    }
    const wasMoved = this.isMoved(r);
    this.start[r] = g;
    this.room[r] = room;
    this.bonus[r] = bonus;
    this.weightMet += c.weight[r] as number;
    this.bonusMet += bonus;
    this.placedCount++;
    if (wasMoved !== this.isMoved(r)) this.movedCount += wasMoved ? -1 : 1;
  }

  remove(r: number): void {
    const c = this.c;
    const g = this.start[r] as number;
    if (g < 0) return;
    const slots = c.totalSlots;
    const duration = c.duration[r] as number;
    const rb = (this.room[r] as number) * slots;
    for (let t = g; t < g + duration; t++) {
      this.roomBusy[rb + t] = FREE;
      this.freeRooms[t] = (this.freeRooms[t] as number) + 1;
    }
    const end = g + duration + c.gap;
    for (let p = c.participantsStart[r] as number; p < (c.participantsStart[r + 1] as number); p++) {
      const m = c.participants[p] as number;
      const base = m * slots;
      for (let t = g; t < end; t++) this.load[base + t] = (this.load[base + t] as number) - 1;
      this.metBy[m] = (this.metBy[m] as number) - (c.weight[r] as number);
    }
    const wasMoved = this.isMoved(r);
    this.weightMet -= c.weight[r] as number;
    this.bonusMet -= this.bonus[r] as number;
    this.placedCount--;
    this.start[r] = -1;
    this.room[r] = -1;
    this.bonus[r] = 0;
    if (wasMoved !== this.isMoved(r)) this.movedCount += wasMoved ? -1 : 1;
  }

  /** An earlier meeting counts as moved when it sits elsewhere now, or nowhere. */
  isMoved(r: number): boolean {
    const previous = this.previousStart[r] as number;
    return previous >= 0 && (this.start[r] !== previous || this.room[r] !== this.previousRoom[r]);
  }

  /** Counts moved meetings afresh, after the earlier placements are recorded. */
  recountMoved(): void {
    this.movedCount = 0;
    for (let r = 0; r < this.start.length; r++) if (this.isMoved(r)) this.movedCount++;
  }

  minShare(): number {
    const c = this.c;
    let min = 1;
    for (let m = 0; m < c.wanted.length; m++) {
      const wanted = c.wanted[m] as number;
      if (wanted > 0) min = Math.min(min, (this.metBy[m] as number) / wanted);
    }
    return min;
  }

  objective(): number {
    const w = this.c.weights;
    return this.weightMet + this.bonusMet + w.fairness * this.minShare() - w.move * this.movedCount;
  }

  /** The meeting occupying a room slot: a request index, -1 free, -2 a fixed session. */
  occupant(room: number, t: number): number {
    return this.roomBusy[room * this.c.totalSlots + t] as number;
  }
}
