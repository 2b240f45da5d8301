/**
 * Name pools for the SYNTHETIC demo county. Person names are random combinations of common
 * surnames and given-name characters (never real people); place names are random combinations of
 * common place-name characters. A few rare characters (outside GB 2312) are mixed in on purpose so
 * that fonts, PDF printing and pinyin search of such names are exercised.
 */
import type { Random } from './random';

/** Common surnames (single character); 单 exercises the surname reading (shàn). */
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
  '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁',
  '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏',
  '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙',
  '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '严', '覃', '武', '戴', '莫', '孔',
  '向', '汤', '单', '普', '李', '杨', '王', '张',
] as const;

/** Two-character surnames, used rarely. */
export const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官'] as const;

export const MALE_GIVEN = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '华', '飞', '鑫',
  '波', '斌', '宇', '浩', '凯', '健', '俊', '帆', '帅', '旭', '宁', '龙', '林', '建', '国', '文',
  '志', '德', '福', '贵', '财', '发', '成', '顺', '昌', '荣', '金', '海', '山', '春', '生', '忠',
  '永', '兴', '学', '光', '红', '云', '家', '正', '祥', '有', '保', '开', '富', '才',
] as const;

export const FEMALE_GIVEN = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '桂', '英', '秀', '兰', '凤', '梅',
  '琴', '红', '萍', '花', '翠', '珍', '莲', '云', '婷', '雪', '慧', '佳', '欣', '怡', '蓉', '春',
  '美', '菊', '香', '琼', '仙', '月', '群', '丹', '晓', '小', '金', '玉', '银', '妹',
] as const;

/**
 * Rare given-name characters (not in GB 2312; fonts without them print tofu boxes). The first
 * households of every generated county get one each, so that even the tiny scale contains them.
 */
export const RARE_GIVEN = ['堃', '喆', '玥', '昇', '犇', '淼', '垚', '燊'] as const;

/** Place-name syllables: a township or village name is one from each list. */
export const PLACE_FIRST = [
  '青', '白', '红', '黑', '黄', '金', '银', '石', '马', '龙', '凤', '虎', '牛', '羊', '鹿', '松',
  '柏', '竹', '梅', '桃', '杨', '柳', '新', '大', '小', '上', '下', '中', '东', '西', '南', '北',
  '高', '长', '平', '安', '太', '河', '山', '清', '碧', '三', '五', '双', '古', '老',
] as const;

export const PLACE_SECOND = [
  '水', '岭', '坡', '坪', '沟', '溪', '塘', '湾', '坝', '桥', '寨', '庄', '营', '屯', '口', '头',
  '岩', '林', '田', '冲', '箐', '哨', '铺', '街', '场', '洞', '峰', '源', '泉', '湖', '滩', '洼',
  '沙', '窝', '园', '嘴', '坳', '甸', '堡', '凹',
] as const;

/** County departments that send responsible cadres (帮扶责任人) and village work teams. */
export const CADRE_UNITS = [
  '县农业农村局', '县教育局', '县卫生健康局', '县财政局', '县人力资源和社会保障局', '县民政局',
  '县住房和城乡建设局', '县水务局', '县自然资源局', '县林业和草原局', '县交通运输局',
  '县发展和改革局', '县乡村振兴局', '县审计局', '县市场监督管理局', '县委组织部',
  '县残疾人联合会', '县供销合作社', '县人民医院', '县融媒体中心', '县统计局', '县司法局',
] as const;

export const CADRE_POSTS = [
  '科员', '副科长', '科长', '主任科员', '一级科员', '副主任', '站长', '办公室主任', '驻村工作队员', '干部',
] as const;

export const MIGRANT_PLACES = [
  '省内县外（省城）', '本县县城', '本市市区', '广东省东莞市', '广东省深圳市', '广东省佛山市',
  '浙江省宁波市', '浙江省义乌市', '江苏省苏州市', '福建省晋江市', '上海市', '北京市',
] as const;

export const RELOCATION_SITES = [
  '县城幸福家园安置区', '县城阳光新村安置区', '工业园区安居小区', '集镇同心安置点',
] as const;

export const SAFE_GIVEN_BY_SEX = { M: MALE_GIVEN, F: FEMALE_GIVEN } as const;

/** Probability that one given-name character is taken from {@link RARE_GIVEN}. */
const RARE_RATE = 0.006;

export function surname(rng: Random): string {
  return rng.chance(0.004) ? rng.pick(COMPOUND_SURNAMES) : rng.pick(SURNAMES);
}

/** A given name of one (25%) or two characters; `rare` forces a rare character as its last one. */
export function givenName(rng: Random, sex: 'M' | 'F', rare?: string): string {
  const pool = SAFE_GIVEN_BY_SEX[sex];
  const one = (): string => (rng.chance(RARE_RATE) ? rng.pick(RARE_GIVEN) : rng.pick(pool));
  if (rare) return rng.chance(0.5) ? rare : one() + rare;
  if (rng.chance(0.25)) return one();
  return one() + one();
}

export function personName(rng: Random, sex: 'M' | 'F'): string {
  return surname(rng) + givenName(rng, sex);
}

/**
 * `count` distinct two-character place stems in a seeded order. When more
 * are needed than the pools give, numbered stems follow (a synthetic county only).
 */
export function placeStems(rng: Random, count: number): string[] {
  const all: string[] = [];
  for (const a of PLACE_FIRST) for (const b of PLACE_SECOND) all.push(a + b);
  const stems = rng.shuffle(all);
  for (let i = 0; stems.length < count; i++) stems.push(`${all[i % all.length]}${Math.floor(i / all.length) + 2}`);
  return stems.slice(0, count);
}
