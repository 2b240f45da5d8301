/**
 * Writes one drawn household with everything that hangs off it: housing and bank details, its
 * members (with unique ID numbers), status events, responsible cadres, measures and incomes.
 */
import { namePinyin } from '../registry/pinyin';
import type { CadrePool } from './cadres';
import type { DemoContext, Sqlite } from './context';
import { dayOf, isoOf, timestampOf, ymd } from './dates';
import { pad } from './digits';
import { living, type MemberDraft } from './drafts';
import { drawHousehold } from './households';
import { idNumbers, type IdNumberFor } from './identity';
import type { WriteIncomes } from './incomes';
import { RARE_GIVEN, RELOCATION_SITES } from './names';
import type { PlantedKey, PlantedRecord } from './planted';
import { applyPlant } from './planting';
import type { Weights } from './random';
import { DEMO_DECIDER_ID, DEMO_PROPOSER_ID } from './users';
import type { VillageCtx } from './villages';

const BANKS = [
  ['示范县农村信用合作联社', '6224'],
  ['中国农业银行示范县支行', '6228'],
  ['中国邮政储蓄银行示范县支行', '6221'],
  ['示范县农村商业银行', '6230'],
] as const;

export class HouseholdWriter {
  /** Households and members written so far (the last ids). */
  households = 0;
  members = 0;
  /** The planted records, in the order they were written. */
  readonly planted: PlantedRecord[] = [];

  private readonly idNumberFor: IdNumberFor = idNumbers();
  private readonly insertHousehold;
  private readonly insertMember;
  private readonly insertEvent;
  private readonly insertHouseholdCadre;

  constructor(
    private readonly ctx: DemoContext,
    sqlite: Sqlite,
    private readonly deps: {
      sizeWeights: Weights<number>;
      plantAt: Map<number, PlantedKey>;
      cadres: CadrePool;
      writeIncomes: WriteIncomes;
    },
  ) {
    this.insertHousehold = sqlite.prepare(
      `INSERT INTO households (id, archive_no, village_id, group_name, address, phone, bank_name, bank_account,
         attribute, main_cause, second_cause, third_cause, identified_year, relocated, relocation_type,
         relocation_year, relocation_site, housing_safety, housing_renovated_year, safe_water, family_doctor,
         family_doctor_phone, family_doctor_contract, status, monitoring_type, status_since, policy_ends_on,
         review_due, head_name, size, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertMember = sqlite.prepare(
      `INSERT INTO members (id, household_id, id_number, name, name_pinyin, name_initials, sex, birth_date, relation,
         ethnicity, education, school_status, dropout_reason, health, disability_category, disability_grade,
         chronic_certificate, labour_ability, migrant_months, migrant_place, ins_basic_medical, ins_critical_illness,
         ins_supplementary, ins_basic_pension, dibao, dibao_class, left_behind, deceased, deceased_on, phone, removed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEvent = sqlite.prepare(
      `INSERT INTO status_events (household_id, type, monitoring_type, cancel_reason, event_date, reason, evidence,
         assessment_id, state, proposed_by, proposed_at, decided_by, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'approved', ?, ?, ?, ?)`,
    );
    this.insertHouseholdCadre = sqlite.prepare(
      'INSERT INTO household_cadres (household_id, cadre_id, from_date, to_date) VALUES (?, ?, ?, ?)',
    );
  }

  /**
   * Writes household number `seq` of village `v`, the `g`-th of the county (which decides whether
   * it carries a planted record or a rare character); returns its living registered members.
   */
  write(v: VillageCtx, seq: number, g: number): number {
    const { ctx } = this;
    const { rng, today, year: Y } = ctx;
    const plant = this.deps.plantAt.get(g);
    const rare = g < RARE_GIVEN.length ? RARE_GIVEN[g] : undefined;
    let h = drawHousehold(ctx, v, this.deps.sizeWeights, plant, rare);
    let concerned: MemberDraft | null = null;
    if (plant) {
      for (let tries = 0; ; tries++) {
        const r = applyPlant(ctx, plant, h);
        if (r !== false) {
          concerned = r;
          break;
        }
        if (tries > 2000) throw new Error(`could not plant ${plant}`);
        h = drawHousehold(ctx, v, this.deps.sizeWeights, plant, rare);
      }
    }
    const hid = ++this.households;
    const archiveNo = v.archivePrefix + pad(seq, v.archiveWidth);
    const head = h.members[0]!;
    const live = h.members.filter(living);

    // Housing, water, relocation.
    const relocated = plant !== 'unsafe_housing' && plant !== 'no_safe_water' && h.status !== 'non_poor' && rng.chance(0.08);
    const relocationType = relocated ? (rng.chance(0.7) ? 'centralized' : 'dispersed') : null;
    const relocationYear = relocated ? rng.int(Math.max(2016, h.identifiedYear), 2020) : null;
    const relocationSite = relocationType === 'centralized' ? rng.pick(RELOCATION_SITES) : relocationType ? `${v.townshipName}集镇` : '';
    let housing = 'safe';
    let renovated: number | null = null;
    if (plant === 'unsafe_housing') housing = 'd';
    else if (!relocated && rng.chance(0.03)) {
      housing = rng.chance(0.6) ? 'c' : 'd';
      const from = Math.min(Math.max(2016, h.identifiedYear), Y);
      renovated = rng.int(from, Math.max(from, 2021));
    }
    const safeWater = plant !== 'no_safe_water';
    const group = `${rng.int(1, v.groups)}组`;
    const address = relocationType === 'centralized'
      ? `${relocationSite}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`
      : `${v.townshipName}${v.name}${group}${rng.int(1, 160)}号`;
    const hhPhone = ctx.phone();
    head.phone = head.deceased ? '' : hhPhone;
    const [bankName, bin] = rng.pick(BANKS);
    const bankAccount = bin + rng.digits(2) + pad(g, 7) + rng.digits(6);

    // Events → timestamps.
    const eventRows = h.events.map((e) => {
      const decided = Math.min(e.day + rng.int(0, 3), today);
      return { e, proposedAt: timestampOf(e.day, '08:30:00.000'), decidedAt: timestampOf(decided, '10:00:00.000') };
    });
    const createdAt = timestampOf(h.events[0]!.day, '08:00:00.000');
    const updatedAt = eventRows[eventRows.length - 1]!.decidedAt;

    this.insertHousehold.run(
      hid, archiveNo, v.id, group, address, hhPhone, bankName, bankAccount,
      h.attribute, h.causes[0]!, h.causes[1] ?? null, h.causes[2] ?? null, h.identifiedYear,
      relocated ? 1 : 0, relocationType, relocationYear, relocationSite,
      housing, renovated, safeWater ? 1 : 0,
      v.doctor, v.doctorPhone, `JTYS-${h.identifiedYear}-${archiveNo}`,
      h.status, h.monitoringType, isoOf(h.statusSinceDay),
      h.policyEndsDay === null ? null : isoOf(h.policyEndsDay),
      h.reviewDueDay === null ? null : isoOf(h.reviewDueDay),
      head.name, live.length, createdAt, updatedAt,
    );

    for (const m of h.members) {
      const { id, birth } = this.idNumberFor(dayOf(m.birthDate), m.sex);
      m.birthDate = birth;
      const py = namePinyin(m.name);
      this.insertMember.run(
        ++this.members, hid, id, m.name, py.full, py.initials, m.sex, m.birthDate, m.relation,
        m.ethnicity, m.education, m.schoolStatus, m.dropoutReason, m.health, m.disabilityCategory, m.disabilityGrade,
        m.chronicCertificate, m.labourAbility, m.migrantMonths, m.migrantPlace,
        m.insBasicMedical ? 1 : 0, m.insCriticalIllness ? 1 : 0, m.insSupplementary ? 1 : 0, m.insBasicPension ? 1 : 0,
        m.dibao ? 1 : 0, m.dibaoClass, m.leftBehind, m.deceased ? 1 : 0, m.deceasedOn, m.phone, m.removed ? 1 : 0,
      );
      if (m === concerned) this.planted.push({ key: plant!, archiveNo, memberIdNumber: id });
    }
    if (plant && !concerned) this.planted.push({ key: plant, archiveNo });

    for (const { e, proposedAt, decidedAt } of eventRows) {
      this.insertEvent.run(hid, e.type, e.monitoringType, e.cancelReason, isoOf(e.day), e.reason, e.evidence,
        DEMO_PROPOSER_ID, proposedAt, DEMO_DECIDER_ID, decidedAt);
    }

    this.writeCadres(hid, h.events[0]!.day, h.status === 'cancelled' ? h.statusSinceDay : null, v, plant);

    // Measures and incomes of the last two years (the current one included).
    if (h.status !== 'cancelled' && live.length > 0) this.deps.writeIncomes(hid, h, live.length, relocated, plant);
    return h.status === 'cancelled' || h.status === 'non_poor' ? 0 : live.length;
  }

  /**
   * Responsible cadres from identification on: a cancelled household's ended on the day it was
   * cancelled (`cancelledDay`); a few households had an earlier cadre, replaced in 2021–2022.
   */
  private writeCadres(hid: number, identifyDay: number, cancelledDay: number | null, v: VillageCtx, plant: PlantedKey | undefined): void {
    const { rng, randDay } = this.ctx;
    const { cadres } = this.deps;
    if (cancelledDay !== null) {
      this.insertHouseholdCadre.run(hid, cadres.current(v.townshipName), isoOf(identifyDay), isoOf(cancelledDay));
    } else if (plant !== 'no_cadre') {
      const cadre = cadres.current(v.townshipName);
      let from = identifyDay;
      if (rng.chance(0.05)) {
        const old = cadres.any();
        if (old !== cadre) {
          from = randDay(Math.max(identifyDay + 180, ymd(2021, 3, 1)), ymd(2022, 12, 31));
          this.insertHouseholdCadre.run(hid, old, isoOf(identifyDay), isoOf(from));
        }
      }
      this.insertHouseholdCadre.run(hid, cadre, isoOf(from), null);
    }
  }
}
