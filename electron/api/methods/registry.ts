import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE, type Role } from '../../../db/roles';
import { id } from '../../../db/shared/zod';
import { getHousehold, householdQuery, listTownships, listVillages, villageOptions, villageQuery } from '../../../db/registry/queries';
import { addMember, changeHead, createHousehold, removeMember, updateHousehold, updateMember } from '../../../db/registry/households';
import { addMemberInput, changeHeadInput, createHouseholdInput, removeMemberInput, updateHouseholdInput, updateMemberInput } from '../../../db/registry/schemas';
import {
  countyInput, createTownship, createVillage, createVillageInput, getCounty, getVillage, saveCounty, townshipInput, updateVillage, updateVillageInput,
} from '../../../db/registry/villages';
import { maskHousehold } from '../../../db/privacy';
import { listHouseholdsFor } from '../../../db/privacySearch';
import { refuseMasked } from '../../../db/privacyInput';

export const REGISTRY_WRITERS: readonly Role[] = ['admin', 'registrar'];

export const registryMethods = {
  'registry.county': method({
    doc: 'The county this ledger belongs to (null until it is set up).',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => getCounty(ctx.ledger),
  }),
  'registry.saveCounty': method({
    doc: 'Create or change the county record (division code, name, western-province flag, hospitals, office phone).',
    input: countyInput,
    access: ['admin'],
    run: (input, ctx) => saveCounty(ctx.ledger, ctx.actor, input),
  }),
  'registry.townships': method({
    doc: 'All townships of the county.',
    input: z.object({}),
    access: ANY_ROLE,
    run: (_input, ctx) => listTownships(ctx.ledger),
  }),
  'registry.createTownship': method({
    doc: 'Add a township (9-digit code starting with the county code).',
    input: townshipInput,
    access: ['admin'],
    run: (input, ctx) => createTownship(ctx.ledger, ctx.actor, input),
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
  'registry.village': method({
    doc: 'One village record.',
    input: z.object({ villageId: id }),
    access: ANY_ROLE,
    run: (input, ctx) => getVillage(ctx.ledger, input.villageId),
  }),
  'registry.createVillage': method({
    doc: 'Add an administrative village (12-digit code starting with its township code).',
    input: createVillageInput,
    access: ['admin'],
    run: (input, ctx) => createVillage(ctx.ledger, ctx.actor, input),
  }),
  'registry.updateVillage': method({
    doc: 'Change a village: rural registered population, poor-village flag and exit year, first secretary, work team.',
    input: updateVillageInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => updateVillage(ctx.ledger, ctx.actor, input),
  }),
  'registry.households': method({
    doc: 'Households filtered and paged; q searches name, pinyin, initials, ID number, archive number or phone (roles that see ID numbers and phones masked: archive-number prefix, complete ID or phone number only).',
    input: householdQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listHouseholdsFor(ctx.ledger, ctx.actor.role, input),
  }),
  'registry.household': method({
    doc: 'One household with its members; ID numbers, phones and bank accounts masked for roles that may not see them.',
    input: z.object({ householdId: id }),
    access: ANY_ROLE,
    run: (input, ctx) => maskHousehold(ctx.actor.role, getHousehold(ctx.ledger, input.householdId)),
  }),
  'registry.createHousehold': method({
    doc: 'Register a household with its members (exactly one head; ID numbers checked and unique county-wide). It starts as newly identified, awaiting an approved identification.',
    input: refuseMasked(createHouseholdInput, [['phone'], ['bankAccount'], ['members', '*', 'idNumber'], ['members', '*', 'phone']]),
    access: REGISTRY_WRITERS,
    run: (input, ctx) => createHousehold(ctx.ledger, ctx.actor, input),
  }),
  'registry.updateHousehold': method({
    doc: 'Change the household fields named in `fields`; the others stay as they are.',
    input: refuseMasked(updateHouseholdInput, [['fields', 'phone'], ['fields', 'bankAccount']]),
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      updateHousehold(ctx.ledger, ctx.actor, input);
      return maskHousehold(ctx.actor.role, getHousehold(ctx.ledger, input.householdId));
    },
  }),
  'registry.addMember': method({
    doc: 'Add a member to a household.',
    input: refuseMasked(addMemberInput, [['member', 'idNumber'], ['member', 'phone']]),
    access: REGISTRY_WRITERS,
    run: (input, ctx) => addMember(ctx.ledger, ctx.actor, input),
  }),
  'registry.updateMember': method({
    doc: 'Change the member fields named in `fields`; checked as on registration.',
    input: refuseMasked(updateMemberInput, [['fields', 'idNumber'], ['fields', 'phone']]),
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      updateMember(ctx.ledger, ctx.actor, input);
      return { updated: true };
    },
  }),
  'registry.changeHead': method({
    doc: 'Make another member the head, giving the former head a new relation, in one step.',
    input: changeHeadInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      changeHead(ctx.ledger, ctx.actor, input);
      return { changed: true };
    },
  }),
  'registry.removeMember': method({
    doc: 'Mark a member as moved out of the household (kept on record).',
    input: removeMemberInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      removeMember(ctx.ledger, ctx.actor, input);
      return { removed: true };
    },
  }),
};
