/**
 * The renderer's refusals as LedgerErrors, naming the households (or villages) concerned, so they
 * cross the API (and the job boundary) as structured, bilingual errors.
 */
import { LedgerError } from '../../db/errors';
import type { PlannedDoc } from '../../db/certificates/plan';
import { MissingGlyphsError } from '../print/render';
import { NoticePrivacyError } from '../print/documents/notice';

function subjectOf(docs: readonly PlannedDoc[], serial: string): { row: number; label: string } {
  const i = docs.findIndex((d) => d.doc.data.serial === serial);
  return { row: i + 1, label: docs[i]?.subject.label ?? serial };
}

function missingGlyphs(err: MissingGlyphsError, docs: readonly PlannedDoc[]): LedgerError {
  const problems = err.occurrences.map((o) => {
    const { row, label } = subjectOf(docs, o.serial);
    return {
      row,
      field: 'characters',
      en: `"${o.char}" (${o.codePoint}) in ${label}`,
      zh: `“${o.char}”（${o.codePoint}）：${label}`,
    };
  });
  const where = [...new Set(problems.map((p) => p.en))].slice(0, 10).join('; ');
  const whereZh = [...new Set(problems.map((p) => p.zh))].slice(0, 10).join('；');
  return new LedgerError(
    'RULE',
    {
      en: `The print font cannot draw ${err.characters.length} character(s): ${where}. Nothing was printed or registered; write the name with a character the font has (or register the rare character's common variant) and print again.`,
      zh: `打印字体缺少 ${err.characters.length} 个字符：${whereZh}。未打印、未登记任何证卡；请改用字库中有的字（或登记该生僻字的通用写法）后重新打印。`,
    },
    { field: 'characters', problems },
  );
}

function privacy(err: NoticePrivacyError, docs: readonly PlannedDoc[]): LedgerError {
  const { label } = subjectOf(docs, err.serial);
  return new LedgerError(
    'RULE',
    {
      en: `The notice for ${label} would show private data and was not printed: ${err.message}`,
      zh: `${label}的公示含有不得公开的信息（身份证号、电话、银行账号或健康状况），未打印：${err.message}`,
    },
    { field: err.field },
  );
}

export function translateRenderError(err: unknown, docs: readonly PlannedDoc[]): unknown {
  if (err instanceof MissingGlyphsError) return missingGlyphs(err, docs);
  if (err instanceof NoticePrivacyError) return privacy(err, docs);
  return err;
}
