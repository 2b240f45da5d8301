import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE } from '../../../db/roles';
import { id } from '../../../db/shared/zod';
import { addMeasure, addMeasureInput, deleteMeasure, deleteMeasureInput, listMeasures, updateMeasure, updateMeasureInput } from '../../../db/registry/measures';
import {
  assignCadre, assignCadreInput, cadreQuery, createCadre, createCadreInput, endAssignment, endAssignmentInput, householdCadreList, listCadres,
  updateCadre, updateCadreInput,
} from '../../../db/registry/cadres';
import { careCounts, careCountsQuery, careList, careQuery } from '../../../db/registry/care';
import { incidence, incidenceQuery } from '../../../db/registry/incidence';
import { REGISTRY_WRITERS } from './registry';
import { CARE_PRIVATE, maskPage } from '../../../db/privacy';

const householdId = z.object({ householdId: id });

export const registryCareMethods = {
  'registry.measures': method({
    doc: 'Support measures given to a household, newest year first.',
    input: householdId,
    access: ANY_ROLE,
    run: (input, ctx) => listMeasures(ctx.ledger, input.householdId),
  }),
  'registry.addMeasure': method({
    doc: 'Record a support measure for a household and year.',
    input: addMeasureInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => addMeasure(ctx.ledger, ctx.actor, input),
  }),
  'registry.updateMeasure': method({
    doc: 'Change a support measure.',
    input: updateMeasureInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      updateMeasure(ctx.ledger, ctx.actor, input);
      return { updated: true };
    },
  }),
  'registry.deleteMeasure': method({
    doc: 'Delete a support measure recorded by mistake (audited with its content).',
    input: deleteMeasureInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      deleteMeasure(ctx.ledger, ctx.actor, input);
      return { deleted: true };
    },
  }),
  'registry.cadres': method({
    doc: 'The directory of responsible cadres, with how many households each currently helps.',
    input: cadreQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listCadres(ctx.ledger, input),
  }),
  'registry.createCadre': method({
    doc: 'Add a responsible cadre (name, unit, post, phone).',
    input: createCadreInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => createCadre(ctx.ledger, ctx.actor, input),
  }),
  'registry.updateCadre': method({
    doc: 'Change a cadre\'s record.',
    input: updateCadreInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      updateCadre(ctx.ledger, ctx.actor, input);
      return { updated: true };
    },
  }),
  'registry.householdCadres': method({
    doc: 'A household\'s responsible cadres, current ones first.',
    input: householdId,
    access: ANY_ROLE,
    run: (input, ctx) => householdCadreList(ctx.ledger, input.householdId),
  }),
  'registry.assignCadre': method({
    doc: 'Make a cadre responsible for a household from a date.',
    input: assignCadreInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => assignCadre(ctx.ledger, ctx.actor, input),
  }),
  'registry.endAssignment': method({
    doc: 'End a cadre\'s responsibility for a household on a date.',
    input: endAssignmentInput,
    access: REGISTRY_WRITERS,
    run: (input, ctx) => {
      endAssignment(ctx.ledger, ctx.actor, input);
      return { ended: true };
    },
  }),
  'registry.careList': method({
    doc: 'Left-behind children, women or elderly people, or disabled members (living, not moved out), with their household and cadres; the household phone masked for roles that may not see it.',
    input: careQuery,
    access: ANY_ROLE,
    run: (input, ctx) => maskPage(ctx.actor.role, careList(ctx.ledger, input), CARE_PRIVATE),
  }),
  'registry.careCounts': method({
    doc: 'How many people each care list holds.',
    input: careCountsQuery,
    access: ANY_ROLE,
    run: (input, ctx) => careCounts(ctx.ledger, input),
  }),
  'registry.incidence': method({
    doc: 'Poverty incidence per village, township and county against the exit threshold (2%, or 3% in western provinces).',
    input: incidenceQuery,
    access: ANY_ROLE,
    run: (input, ctx) => incidence(ctx.ledger, input),
  }),
};
