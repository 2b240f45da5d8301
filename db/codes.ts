/**
 * Every code list of the domain (DESIGN.md §2), as stable ASCII codes with Simplified Chinese and
 * English labels.
 *
 * PURE module: no runtime imports. It is shared by the Node ledger (db/, electron/) and the browser
 * renderer, and is the single source of truth for the values stored in the database, accepted by
 * the API schemas and shown on screens and printed documents.
 *
 * Code conventions:
 * - numeric strings where the national system (全国扶贫开发信息系统) or a national standard uses
 *   numbers: household attribute (1/2/3), ethnicity (GB/T 3304), disability grade (1–4);
 * - otherwise short lower_snake English words;
 * - sex uses M / F.
 * Codes are stored in the database: never rename or reuse one. Add new entries at the end of a
 * list (or where the display order requires) and retire old ones only by migration.
 */

export interface CodeEntry {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export type Lang = 'zh' | 'en';

function list<const T extends readonly CodeEntry[]>(entries: T): T {
  return entries;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Registry (建档立卡): households
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** 贫困户属性. Numeric codes as in the national system. */
export const householdAttribute = list([
  { code: '1', zh: '一般贫困户', en: 'General poor household' },
  { code: '2', zh: '低保贫困户', en: 'Dibao poor household' },
  { code: '3', zh: '特困供养贫困户', en: 'Extreme-poverty support household' },
] as const);
export type HouseholdAttribute = (typeof householdAttribute)[number]['code'];

/** 致贫原因 (main cause plus up to two secondary causes), in the national system's order. */
export const povertyCause = list([
  { code: 'illness', zh: '因病', en: 'Illness' },
  { code: 'disability', zh: '因残', en: 'Disability' },
  { code: 'schooling', zh: '因学', en: 'Schooling costs' },
  { code: 'disaster', zh: '因灾', en: 'Disaster' },
  { code: 'lack_land', zh: '缺土地', en: 'Lack of land' },
  { code: 'lack_water', zh: '缺水', en: 'Lack of water' },
  { code: 'lack_skills', zh: '缺技术', en: 'Lack of skills' },
  { code: 'lack_labour', zh: '缺劳力', en: 'Lack of labour' },
  { code: 'lack_capital', zh: '缺资金', en: 'Lack of capital' },
  { code: 'poor_transport', zh: '交通条件落后', en: 'Poor transport conditions' },
  { code: 'lack_drive', zh: '自身发展动力不足', en: 'Lack of own drive to develop' },
] as const);
export type PovertyCause = (typeof povertyCause)[number]['code'];

/** 贫困户状态 (derived from status events; 动态管理). */
export const householdStatus = list([
  { code: 'new_identified', zh: '新识别', en: 'Newly identified' },
  { code: 'poor', zh: '未脱贫', en: 'Not yet exited (poor)' },
  { code: 'exited', zh: '已脱贫（享受政策）', en: 'Exited (still enjoying policies)' },
  { code: 'exited_no_policy', zh: '已脱贫（不再享受政策）', en: 'Exited (no longer enjoying policies)' },
  { code: 'returned', zh: '返贫', en: 'Returned to poverty' },
  { code: 'cancelled', zh: '注销', en: 'Cancelled' },
  // Edge and sudden-hardship households monitored since 2021 without ever being registered as poor.
  { code: 'non_poor', zh: '非建档立卡户（监测对象）', en: 'Not a registered poor household (monitoring)' },
] as const);
export type HouseholdStatus = (typeof householdStatus)[number]['code'];

/** 防返贫监测对象类型 (since 2021). */
export const monitoringType = list([
  { code: 'unstable', zh: '脱贫不稳定户', en: 'Unstable exited household' },
  { code: 'edge', zh: '边缘易致贫户', en: 'Edge household at risk of poverty' },
  { code: 'sudden', zh: '突发严重困难户', en: 'Household in sudden severe hardship' },
] as const);
export type MonitoringType = (typeof monitoringType)[number]['code'];

/** Status events; the current status and monitoring state are derived from them. */
export const statusEventType = list([
  { code: 'identify', zh: '识别纳入', en: 'Identified as poor' },
  { code: 'exit', zh: '脱贫', en: 'Exited poverty' },
  { code: 'end_policy', zh: '不再享受政策（过渡期结束）', en: 'Policy support ended (grace period over)' },
  { code: 'return_poverty', zh: '返贫', en: 'Returned to poverty' },
  { code: 'monitor_start', zh: '纳入监测', en: 'Monitoring started' },
  { code: 'monitor_end', zh: '风险消除', en: 'Risk eliminated (monitoring ended)' },
  { code: 'cancel', zh: '注销', en: 'Cancelled' },
  { code: 'monitor_review', zh: '监测复核（继续监测）', en: 'Monitoring reviewed (continues)' },
] as const);
export type StatusEventType = (typeof statusEventType)[number]['code'];

/** 注销原因. */
export const cancelReason = list([
  { code: 'death', zh: '死亡', en: 'Death' },
  { code: 'error', zh: '识别错误', en: 'Wrongly identified' },
  { code: 'duplicate', zh: '重复登记', en: 'Duplicate record' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const);
export type CancelReason = (typeof cancelReason)[number]['code'];

/** 住房安全 (危房 level from the housing safety appraisal). */
export const housingSafety = list([
  { code: 'safe', zh: '安全住房', en: 'Safe housing' },
  { code: 'c', zh: 'C级危房', en: 'Dilapidated, grade C' },
  { code: 'd', zh: 'D级危房', en: 'Dilapidated, grade D' },
] as const);
export type HousingSafety = (typeof housingSafety)[number]['code'];

/** 易地扶贫搬迁安置方式. */
export const relocationType = list([
  { code: 'centralized', zh: '集中安置', en: 'Centralized resettlement' },
  { code: 'dispersed', zh: '分散安置', en: 'Dispersed resettlement' },
] as const);
export type RelocationType = (typeof relocationType)[number]['code'];

/** 帮扶措施. */
export const supportMeasure = list([
  { code: 'industry', zh: '产业扶贫', en: 'Industry development' },
  { code: 'employment', zh: '就业扶贫（转移就业）', en: 'Employment and labour export' },
  { code: 'relocation', zh: '易地扶贫搬迁', en: 'Poverty-alleviation relocation' },
  { code: 'education', zh: '教育扶贫', en: 'Education support' },
  { code: 'health', zh: '健康扶贫', en: 'Health support' },
  { code: 'housing', zh: '危房改造', en: 'Dilapidated-housing renovation' },
  { code: 'finance', zh: '金融扶贫（小额信贷）', en: 'Financial support (microcredit)' },
  { code: 'social_security', zh: '社会保障兜底', en: 'Social security safety net' },
  { code: 'ecological', zh: '生态扶贫（生态护林员等）', en: 'Ecological support (e.g. forest ranger posts)' },
  { code: 'public_welfare_post', zh: '公益岗位', en: 'Public-welfare posts' },
  { code: 'asset_income', zh: '资产收益扶贫', en: 'Asset income' },
] as const);
export type SupportMeasure = (typeof supportMeasure)[number]['code'];

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Registry: members
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** 与户主关系. */
export const relation = list([
  { code: 'head', zh: '户主', en: 'Head of household' },
  { code: 'spouse', zh: '配偶', en: 'Spouse' },
  { code: 'son', zh: '之子', en: 'Son' },
  { code: 'daughter', zh: '之女', en: 'Daughter' },
  { code: 'daughter_in_law', zh: '之儿媳', en: 'Daughter-in-law' },
  { code: 'son_in_law', zh: '之女婿', en: 'Son-in-law' },
  { code: 'grandson', zh: '之孙子', en: 'Grandson (son’s son)' },
  { code: 'granddaughter', zh: '之孙女', en: 'Granddaughter (son’s daughter)' },
  { code: 'father', zh: '之父', en: 'Father' },
  { code: 'mother', zh: '之母', en: 'Mother' },
  { code: 'sibling', zh: '之兄弟姐妹', en: 'Sibling' },
  { code: 'maternal_grandchild', zh: '之外孙子女', en: 'Grandchild (daughter’s child)' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const);
export type Relation = (typeof relation)[number]['code'];

/** 性别. (GB/T 2261.1 uses 1/2; the resident ID number encodes sex by the parity of digit 17.) */
export const sex = list([
  { code: 'M', zh: '男', en: 'Male' },
  { code: 'F', zh: '女', en: 'Female' },
] as const);
export type Sex = (typeof sex)[number]['code'];

/** 民族, GB/T 3304 two-digit codes. */
export const ethnicity = list([
  { code: '01', zh: '汉族', en: 'Han' },
  { code: '02', zh: '蒙古族', en: 'Mongol' },
  { code: '03', zh: '回族', en: 'Hui' },
  { code: '04', zh: '藏族', en: 'Tibetan' },
  { code: '05', zh: '维吾尔族', en: 'Uyghur' },
  { code: '06', zh: '苗族', en: 'Miao' },
  { code: '07', zh: '彝族', en: 'Yi' },
  { code: '08', zh: '壮族', en: 'Zhuang' },
  { code: '09', zh: '布依族', en: 'Buyei' },
  { code: '10', zh: '朝鲜族', en: 'Korean' },
  { code: '11', zh: '满族', en: 'Manchu' },
  { code: '12', zh: '侗族', en: 'Dong' },
  { code: '13', zh: '瑶族', en: 'Yao' },
  { code: '14', zh: '白族', en: 'Bai' },
  { code: '15', zh: '土家族', en: 'Tujia' },
  { code: '16', zh: '哈尼族', en: 'Hani' },
  { code: '17', zh: '哈萨克族', en: 'Kazakh' },
  { code: '18', zh: '傣族', en: 'Dai' },
  { code: '19', zh: '黎族', en: 'Li' },
  { code: '20', zh: '傈僳族', en: 'Lisu' },
  { code: '21', zh: '佤族', en: 'Va' },
  { code: '22', zh: '畲族', en: 'She' },
  { code: '23', zh: '高山族', en: 'Gaoshan' },
  { code: '24', zh: '拉祜族', en: 'Lahu' },
  { code: '25', zh: '水族', en: 'Sui' },
  { code: '26', zh: '东乡族', en: 'Dongxiang' },
  { code: '27', zh: '纳西族', en: 'Naxi' },
  { code: '28', zh: '景颇族', en: 'Jingpo' },
  { code: '29', zh: '柯尔克孜族', en: 'Kyrgyz' },
  { code: '30', zh: '土族', en: 'Tu' },
  { code: '31', zh: '达斡尔族', en: 'Daur' },
  { code: '32', zh: '仫佬族', en: 'Mulao' },
  { code: '33', zh: '羌族', en: 'Qiang' },
  { code: '34', zh: '布朗族', en: 'Blang' },
  { code: '35', zh: '撒拉族', en: 'Salar' },
  { code: '36', zh: '毛南族', en: 'Maonan' },
  { code: '37', zh: '仡佬族', en: 'Gelao' },
  { code: '38', zh: '锡伯族', en: 'Xibe' },
  { code: '39', zh: '阿昌族', en: 'Achang' },
  { code: '40', zh: '普米族', en: 'Pumi' },
  { code: '41', zh: '塔吉克族', en: 'Tajik' },
  { code: '42', zh: '怒族', en: 'Nu' },
  { code: '43', zh: '乌孜别克族', en: 'Uzbek' },
  { code: '44', zh: '俄罗斯族', en: 'Russian' },
  { code: '45', zh: '鄂温克族', en: 'Ewenki' },
  { code: '46', zh: '德昂族', en: 'De’ang' },
  { code: '47', zh: '保安族', en: 'Bonan' },
  { code: '48', zh: '裕固族', en: 'Yugur' },
  { code: '49', zh: '京族', en: 'Gin' },
  { code: '50', zh: '塔塔尔族', en: 'Tatar' },
  { code: '51', zh: '独龙族', en: 'Derung' },
  { code: '52', zh: '鄂伦春族', en: 'Oroqen' },
  { code: '53', zh: '赫哲族', en: 'Hezhen' },
  { code: '54', zh: '门巴族', en: 'Monba' },
  { code: '55', zh: '珞巴族', en: 'Lhoba' },
  { code: '56', zh: '基诺族', en: 'Jino' },
  { code: '97', zh: '其他', en: 'Other (unclassified)' },
  { code: '98', zh: '外国血统中国籍人士', en: 'Chinese citizen of foreign origin' },
] as const);
export type Ethnicity = (typeof ethnicity)[number]['code'];

/** 文化程度. */
export const education = list([
  { code: 'illiterate', zh: '文盲或半文盲', en: 'Illiterate or semi-literate' },
  { code: 'primary', zh: '小学', en: 'Primary school' },
  { code: 'junior', zh: '初中', en: 'Junior secondary school' },
  { code: 'senior', zh: '高中（含中专、职高）', en: 'Senior secondary (incl. vocational)' },
  { code: 'college', zh: '大专', en: 'Junior college' },
  { code: 'bachelor_plus', zh: '本科及以上', en: 'Bachelor’s degree or above' },
] as const);
export type Education = (typeof education)[number]['code'];

/** 在校生状况. `dropped_out` goes with a {@link dropoutReason}. */
export const schoolStatus = list([
  { code: 'preschool', zh: '学前教育', en: 'Preschool' },
  { code: 'primary', zh: '小学', en: 'Primary school' },
  { code: 'junior', zh: '初中（七至九年级）', en: 'Junior secondary (grades 7–9)' },
  { code: 'senior', zh: '普通高中', en: 'General senior secondary' },
  { code: 'secondary_vocational', zh: '中职', en: 'Secondary vocational school' },
  { code: 'higher_vocational', zh: '高职（大专）', en: 'Higher vocational college' },
  { code: 'undergraduate', zh: '本科', en: 'Undergraduate' },
  { code: 'postgraduate', zh: '研究生及以上', en: 'Postgraduate' },
  { code: 'dropped_out', zh: '辍学', en: 'Dropped out' },
  { code: 'not_in_school', zh: '非在校生', en: 'Not in school' },
] as const);
export type SchoolStatus = (typeof schoolStatus)[number]['code'];

/** 辍学原因. */
export const dropoutReason = list([
  { code: 'illness', zh: '因病', en: 'Illness' },
  { code: 'disability', zh: '因残', en: 'Disability' },
  { code: 'poverty', zh: '家庭困难', en: 'Family hardship' },
  { code: 'weariness', zh: '厌学', en: 'Lost interest in school' },
  { code: 'distance', zh: '上学路远', en: 'School too far away' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const);
export type DropoutReason = (typeof dropoutReason)[number]['code'];

/** 健康状况. `disabled` goes with a {@link disabilityCategory} and {@link disabilityGrade}. */
export const health = list([
  { code: 'healthy', zh: '健康', en: 'Healthy' },
  { code: 'chronic', zh: '长期慢性病', en: 'Chronic illness' },
  { code: 'serious', zh: '患有大病', en: 'Serious illness' },
  { code: 'disabled', zh: '残疾', en: 'Disability' },
] as const);
export type Health = (typeof health)[number]['code'];

/** 残疾类别 (GB/T 26341; the standard numbers them 1–7 in this order). */
export const disabilityCategory = list([
  { code: 'visual', zh: '视力残疾', en: 'Visual' },
  { code: 'hearing', zh: '听力残疾', en: 'Hearing' },
  { code: 'speech', zh: '言语残疾', en: 'Speech' },
  { code: 'physical', zh: '肢体残疾', en: 'Physical' },
  { code: 'intellectual', zh: '智力残疾', en: 'Intellectual' },
  { code: 'mental', zh: '精神残疾', en: 'Mental (psychiatric)' },
  { code: 'multiple', zh: '多重残疾', en: 'Multiple' },
] as const);
export type DisabilityCategory = (typeof disabilityCategory)[number]['code'];

/** 残疾等级: grade 1 is the most severe. */
export const disabilityGrade = list([
  { code: '1', zh: '一级', en: 'Grade 1 (most severe)' },
  { code: '2', zh: '二级', en: 'Grade 2' },
  { code: '3', zh: '三级', en: 'Grade 3' },
  { code: '4', zh: '四级', en: 'Grade 4 (mildest)' },
] as const);
export type DisabilityGrade = (typeof disabilityGrade)[number]['code'];

/** 劳动技能 / 劳动能力. */
export const labourAbility = list([
  { code: 'ordinary', zh: '普通劳动力', en: 'Ordinary labour' },
  { code: 'skilled', zh: '技能劳动力', en: 'Skilled labour' },
  { code: 'weak', zh: '弱劳动力或半劳动力', en: 'Weak or partial labour' },
  { code: 'lost', zh: '丧失劳动力', en: 'Lost the ability to work' },
  { code: 'none', zh: '无劳动力', en: 'No labour ability' },
] as const);
export type LabourAbility = (typeof labourAbility)[number]['code'];

/** 参保类型 (a member may hold several). */
export const insuranceKind = list([
  { code: 'basic_medical', zh: '城乡居民基本医疗保险', en: 'Basic medical insurance for urban and rural residents' },
  { code: 'critical_illness', zh: '大病保险', en: 'Critical illness insurance' },
  { code: 'supplementary', zh: '商业补充医疗保险', en: 'Supplementary commercial medical insurance' },
  { code: 'basic_pension', zh: '城乡居民基本养老保险', en: 'Basic pension insurance for urban and rural residents' },
] as const);
export type InsuranceKind = (typeof insuranceKind)[number]['code'];

/** 低保类别 (the common three-class scheme; class A covers those least able to support themselves). */
export const dibaoClass = list([
  { code: 'class_a', zh: '一类（A类）', en: 'Class A (1)' },
  { code: 'class_b', zh: '二类（B类）', en: 'Class B (2)' },
  { code: 'class_c', zh: '三类（C类）', en: 'Class C (3)' },
] as const);
export type DibaoClass = (typeof dibaoClass)[number]['code'];

/** 留守类型. */
export const leftBehind = list([
  { code: 'child', zh: '留守儿童', en: 'Left-behind child' },
  { code: 'woman', zh: '留守妇女', en: 'Left-behind woman' },
  { code: 'elderly', zh: '留守老人', en: 'Left-behind elderly person' },
] as const);
export type LeftBehind = (typeof leftBehind)[number]['code'];

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Income (per household per year)
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** 收入类型. Production income counts net (gross − costs). */
export const incomeType = list([
  { code: 'wages', zh: '工资性收入', en: 'Wage income' },
  { code: 'production', zh: '生产经营性收入（净）', en: 'Net production and business income' },
  { code: 'property', zh: '财产性收入', en: 'Property income' },
  { code: 'transfer', zh: '转移性收入', en: 'Transfer income' },
] as const);
export type IncomeType = (typeof incomeType)[number]['code'];

/**
 * 收入明细项. Every item belongs to an {@link incomeType} (see {@link incomeItemType}); the
 * production cost is subtracted (see {@link incomeItemSign}).
 */
export const incomeItem = list([
  { code: 'wages', zh: '工资性收入', en: 'Wages and salaries' },
  { code: 'production_gross', zh: '生产经营性收入', en: 'Production and business revenue (gross)' },
  { code: 'production_cost', zh: '生产经营性支出', en: 'Production and business costs' },
  // National system: asset-income dividends are property-income item code 01.
  { code: 'asset_dividend', zh: '资产收益扶贫分红收入', en: 'Asset-income dividends' },
  { code: 'land_rent_in', zh: '土地流转收入', en: 'Land transfer (rent) income' },
  { code: 'other_property', zh: '其他财产性收入', en: 'Other property income' },
  { code: 'family_planning', zh: '计划生育金', en: 'Family-planning allowance' },
  { code: 'dibao', zh: '低保金', en: 'Dibao (minimum living allowance)' },
  { code: 'extreme_support', zh: '特困供养金', en: 'Extreme-poverty support payment' },
  { code: 'pension', zh: '养老金', en: 'Pension' },
  { code: 'ecological_comp', zh: '生态补偿金', en: 'Ecological compensation' },
  { code: 'disability_allowance', zh: '残疾人补贴', en: 'Disability allowances' },
  { code: 'farm_subsidy', zh: '农业补贴', en: 'Agricultural subsidies' },
  { code: 'other_transfer', zh: '其他转移性收入', en: 'Other transfer income' },
] as const);
export type IncomeItem = (typeof incomeItem)[number]['code'];

/** Income type of each income item; `null` would mark an item that does not count toward exit income. */
export const incomeItemType: Readonly<Record<IncomeItem, IncomeType | null>> = {
  wages: 'wages',
  production_gross: 'production',
  production_cost: 'production',
  asset_dividend: 'property',
  land_rent_in: 'property',
  other_property: 'property',
  family_planning: 'transfer',
  dibao: 'transfer',
  extreme_support: 'transfer',
  pension: 'transfer',
  ecological_comp: 'transfer',
  disability_allowance: 'transfer',
  farm_subsidy: 'transfer',
  other_transfer: 'transfer',
};

/** +1 adds the amount to its income type, −1 subtracts it (production costs). Amounts are stored positive. */
export const incomeItemSign: Readonly<Record<IncomeItem, 1 | -1>> = {
  wages: 1,
  production_gross: 1,
  production_cost: -1,
  asset_dividend: 1,
  land_rent_in: 1,
  other_property: 1,
  family_planning: 1,
  dibao: 1,
  extreme_support: 1,
  pension: 1,
  ecological_comp: 1,
  disability_allowance: 1,
  farm_subsidy: 1,
  other_transfer: 1,
};

/** Benefits received that do NOT count toward stable exit income (shown on cards, never summed into income). */
export const nonCountingBenefits = list([
  { code: 'education_aid', zh: '教育资助', en: 'Education aid' },
  { code: 'medical_aid', zh: '医疗救助', en: 'Medical aid' },
  { code: 'housing_aid', zh: '危房改造补助', en: 'Housing renovation aid' },
  { code: 'loan', zh: '贷款', en: 'Loans' },
  { code: 'temporary_relief', zh: '临时救助', en: 'Temporary relief' },
  { code: 'insurance_payout', zh: '保险赔付', en: 'Insurance payouts' },
  { code: 'donation', zh: '社会捐赠', en: 'Donations' },
] as const);
export type NonCountingBenefit = (typeof nonCountingBenefits)[number]['code'];

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Special funds and projects (专项资金、项目库)
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** 资金级次. */
export const fundLevel = list([
  { code: 'central', zh: '中央', en: 'Central' },
  { code: 'provincial', zh: '省级', en: 'Provincial' },
  { code: 'city', zh: '市级', en: 'City' },
  { code: 'county', zh: '县级', en: 'County' },
] as const);
export type FundLevel = (typeof fundLevel)[number]['code'];

/** 资金类型. */
export const fundType = list([
  { code: 'special', zh: '财政专项扶贫资金', en: 'Special poverty-alleviation fiscal funds' },
  { code: 'integrated', zh: '统筹整合涉农资金', en: 'Integrated agriculture-related funds' },
  { code: 'counterpart', zh: '东西部协作资金', en: 'East–West collaboration funds' },
  { code: 'donation', zh: '社会捐赠', en: 'Social donations' },
] as const);
export type FundType = (typeof fundType)[number]['code'];

/** 项目类型. */
export const projectType = list([
  { code: 'industry', zh: '产业发展', en: 'Industry development' },
  { code: 'infrastructure', zh: '基础设施', en: 'Infrastructure' },
  { code: 'employment', zh: '就业扶贫', en: 'Employment support' },
  { code: 'education', zh: '教育扶贫', en: 'Education support' },
  { code: 'health', zh: '健康扶贫', en: 'Health support' },
  { code: 'housing', zh: '危房改造', en: 'Dilapidated-housing renovation' },
  { code: 'relocation', zh: '易地扶贫搬迁', en: 'Poverty-alleviation relocation' },
  { code: 'water', zh: '饮水安全', en: 'Safe drinking water' },
  { code: 'finance', zh: '金融扶贫', en: 'Financial support' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const);
export type ProjectType = (typeof projectType)[number]['code'];

/** 项目状态. */
export const projectStatus = list([
  { code: 'planned', zh: '计划中', en: 'Planned' },
  { code: 'in_progress', zh: '实施中', en: 'In progress' },
  { code: 'completed', zh: '已完工', en: 'Completed' },
  { code: 'accepted', zh: '已验收', en: 'Accepted' },
] as const);
export type ProjectStatus = (typeof projectStatus)[number]['code'];

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Assets (扶贫项目资产, 国办函〔2021〕51号)
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** 资产类别. */
export const assetClass = list([
  { code: 'business', zh: '经营性资产', en: 'Business asset' },
  { code: 'public_welfare', zh: '公益性资产', en: 'Public-welfare asset' },
  { code: 'household', zh: '到户类资产', en: 'Household asset' },
] as const);
export type AssetClass = (typeof assetClass)[number]['code'];

/** 资产类型. */
export const assetCategory = list([
  { code: 'photovoltaic', zh: '光伏电站', en: 'Photovoltaic station' },
  { code: 'facility_agriculture', zh: '设施农业', en: 'Facility agriculture (greenhouses)' },
  { code: 'aquaculture', zh: '水产养殖', en: 'Aquaculture' },
  { code: 'hydropower', zh: '水电站', en: 'Hydropower' },
  { code: 'rural_tourism', zh: '乡村旅游', en: 'Rural tourism' },
  { code: 'livestock', zh: '畜牧养殖', en: 'Livestock farming' },
  { code: 'land_trusteeship', zh: '土地托管', en: 'Land trusteeship' },
  { code: 'road', zh: '道路', en: 'Road' },
  { code: 'water_supply', zh: '供水设施', en: 'Water supply' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const);
export type AssetCategory = (typeof assetCategory)[number]['code'];

/** 确权归属. */
export const assetOwnership = list([
  { code: 'county', zh: '县级', en: 'County' },
  { code: 'township', zh: '乡镇', en: 'Township' },
  { code: 'village_collective', zh: '村集体', en: 'Village collective' },
  { code: 'household', zh: '农户', en: 'Household' },
] as const);
export type AssetOwnership = (typeof assetOwnership)[number]['code'];

/** 经营主体. */
export const assetOperator = list([
  { code: 'collective', zh: '村集体', en: 'Village collective' },
  { code: 'cooperative', zh: '农民专业合作社', en: 'Farmers’ cooperative' },
  { code: 'enterprise', zh: '企业', en: 'Enterprise' },
] as const);
export type AssetOperator = (typeof assetOperator)[number]['code'];

/** 资产状态. */
export const assetStatus = list([
  { code: 'in_operation', zh: '运营中', en: 'In operation' },
  { code: 'idle', zh: '闲置', en: 'Idle' },
  { code: 'disposed', zh: '已处置', en: 'Disposed of' },
] as const);
export type AssetStatus = (typeof assetStatus)[number]['code'];

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Users
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** 用户角色. */
export const role = list([
  { code: 'admin', zh: '管理员', en: 'Administrator' },
  { code: 'registrar', zh: '登记员', en: 'Registrar' },
  { code: 'accountant', zh: '会计', en: 'Accountant' },
  { code: 'reviewer', zh: '审核员', en: 'Reviewer' },
  { code: 'auditor', zh: '审计员', en: 'Auditor' },
] as const);
export type Role = (typeof role)[number]['code'];

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Registry of lists and helpers
// ─────────────────────────────────────────────────────────────────────────────────────────────

export const codeLists = {
  householdAttribute,
  povertyCause,
  householdStatus,
  monitoringType,
  statusEventType,
  cancelReason,
  housingSafety,
  relocationType,
  supportMeasure,
  relation,
  sex,
  ethnicity,
  education,
  schoolStatus,
  dropoutReason,
  health,
  disabilityCategory,
  disabilityGrade,
  labourAbility,
  insuranceKind,
  dibaoClass,
  leftBehind,
  incomeType,
  incomeItem,
  nonCountingBenefits,
  fundLevel,
  fundType,
  projectType,
  projectStatus,
  assetClass,
  assetCategory,
  assetOwnership,
  assetOperator,
  assetStatus,
  role,
} as const satisfies Record<string, readonly CodeEntry[]>;

export type CodeListName = keyof typeof codeLists;

/** The code union of a named list, e.g. `CodeOf<'sex'>` is `'M' | 'F'`. */
export type CodeOf<N extends CodeListName> = (typeof codeLists)[N][number]['code'];

export const codeListNames = Object.keys(codeLists) as CodeListName[];

const indexCache = new Map<CodeListName, ReadonlyMap<string, CodeEntry>>();

function indexOf(listName: CodeListName): ReadonlyMap<string, CodeEntry> {
  let index = indexCache.get(listName);
  if (!index) {
    const entries: readonly CodeEntry[] = codeLists[listName] ?? [];
    index = new Map(entries.map((e) => [e.code, e]));
    indexCache.set(listName, index);
  }
  return index;
}

/** The entry for a code, or undefined when the code is not in the list. */
export function entryOf(listName: CodeListName, code: string): CodeEntry | undefined {
  return indexOf(listName).get(code);
}

/** The label of a code in the given language; the code itself when it is unknown. */
export function labelOf(listName: CodeListName, code: string, lang: Lang): string {
  const entry = entryOf(listName, code);
  return entry ? entry[lang] : code;
}

/** All codes of a list, in display order. */
export function codesOf<N extends CodeListName>(listName: N): CodeOf<N>[] {
  const entries: readonly CodeEntry[] = codeLists[listName];
  return entries.map((e) => e.code) as CodeOf<N>[];
}

/** Type guard: is `code` a code of the list? */
export function isCode<N extends CodeListName>(listName: N, code: unknown): code is CodeOf<N> {
  return typeof code === 'string' && indexOf(listName).has(code);
}
