import { createRequire } from 'node:module';

type PinyinPro = typeof import('pinyin-pro');
/** Loaded on the first name, not at start: the web host's first answer needs no pinyin (≈ 150 ms). */
let pinyinPro: PinyinPro | null = null;

/** Rosters repeat names (and surnames with given names) often; converting each once saves a good share of an import. */
const cache = new Map<string, { full: string; initials: string }>();
const CACHE_LIMIT = 100_000;

/** "张三" → { full: "zhangsan", initials: "zs" }; surnames read with their surname sound (单 → shan). */
export function namePinyin(name: string): { full: string; initials: string } {
  const hit = cache.get(name);
  if (hit) return hit;
  const { pinyin } = (pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro);
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  const result = { full: clean.join(''), initials: clean.map((s) => s[0]).join('') };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, result);
  return result;
}
