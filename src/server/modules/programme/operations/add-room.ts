import { RecordRef } from "../../../../contracts/common.ts";
import { RoomInput } from "../../../../contracts/programme.ts";
import { defineOperation } from "../../../platform/operation.ts";
import { programmeRooms } from "../schema.ts";
import { bySecretariatOfRound, newId } from "./shared.ts";

/** programme.room.add: the secretariat adds a room of the round's venue, with its seats and equipment. */
export const addRoom = defineOperation({
  name: "programme.room.add",
  input: RoomInput.extend({ roundId: RecordRef }),
  ...bySecretariatOfRound,
  run: async (ctx, input, target) => {
    const id = newId();
    await ctx.tx.insert(programmeRooms).values({
      id,
      roundId: target.roundId,
      processId: target.processId,
      name: input.name,
      capacity: input.capacity,
      equipment: input.equipment,
    });
    ctx.audit({ subjectType: "programme_room", subjectId: id, data: { capacity: input.capacity } });
    ctx.emit({
      type: "programme.room.add",
      tier: "process",
      processId: target.processId,
      subjectType: "programme",
      subjectId: target.roundId,
      payload: { roundId: target.roundId },
    });
    return { id };
  },
});
