import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE, type Role } from '../../../db/roles';
import { id } from '../../../db/shared/zod';
import { getHousehold, householdQuery, listHouseholds, listTownships, listVillages, villageOptions, villageQuery } from '../../../db/registry/queries';
import { addMember, createHousehold, removeMember, updateHousehold, updateMember } from '../../../db/registry/households';
import { addMemberInput, createHouseholdInput, householdFields, updateMemberInput } from '../../../db/registry/schemas';

const REGISTRY_WRITERS: readonly Role[] = ['admin', 'registrar'];

export const registryMethods = {
  'registry.townships': method({
    doc: 'All townships of the county.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => listTownships(ctx.ledger),
  }),
  'registry.villageOptions': method({
    doc: 'Every village (id, name, township) for pickers and filters.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => villageOptions(ctx.ledger),
  }),
  'registry.villages': method({
    doc: 'Villages with household and people counts, filtered and paged.',
    input: villageQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listVillages(ctx.ledger, input),
  }),
  'registry.households': method({
    doc: 'Households filtered and paged; q searches name, pinyin, initials, ID number, archive number or phone.',
    input: householdQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listHouseholds(ctx.ledger, input),
  }),
  'registry.household': method({
    doc: 'One household with its members.',
    input: z.object({ householdId: id }),
    access: ANY_ROLE,
    run: (input, ctx) => getHousehold(ctx.ledger, input.householdId),
  }),
  'registry.createHousehold': method({
    doc: 'Register a household with its members (exactly one head; ID numbers checked and unique county-wide).',
    input: createHouseholdInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => createHousehold(ctx.ledger, ctx.actor, input),
  }),
  'registry.updateHousehold': method({
    doc: 'Change household fields.',
    input: z.object({ householdId: id, fields: householdFields.partial() }),
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      updateHousehold(ctx.ledger, ctx.actor, input.householdId, input.fields);
      return getHousehold(ctx.ledger, input.householdId);
    },
  }),
  'registry.addMember': method({
    doc: 'Add a member to a household.',
    input: addMemberInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => addMember(ctx.ledger, ctx.actor, input.householdId, input.member),
  }),
  'registry.updateMember': method({
    doc: 'Change a member\'s record.',
    input: updateMemberInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      updateMember(ctx.ledger, ctx.actor, input.memberId, input.fields);
      return { updated: true };
    },
  }),
  'registry.removeMember': method({
    doc: 'Mark a member as moved out of the household (kept on record).',
    input: z.object({ memberId: id, reason: z.string().trim().min(1).max(200) }),
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      removeMember(ctx.ledger, ctx.actor, input.memberId, input.reason);
      return { removed: true };
    },
  }),
};
