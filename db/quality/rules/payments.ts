/**
 * Money paid out of the special funds to households (voucher lines with the household
 * dimension): never to a household already cancelled, never after the death of its only member.
 * Voucher lines have no member dimension, so a payment "to" a deceased person is a payment to a
 * household whose only member had died by the voucher's date.
 */
import type { QualityRule } from '../types';
import { PAYMENT_LINES, PAYMENT_WHERE } from './sql';

export const paymentRules: QualityRule[] = [
  {
    id: 'voucher.cancelled_household',
    severity: 'error',
    target: 'voucher',
    title: { zh: '向已注销户付款', en: 'Payment to a cancelled household' },
    explain: {
      zh: '凭证把专项资金付给了在凭证日期之前已注销的户（死亡、识别错误、重复登记）。请核实款项去向，已付款项应追回并红字冲销。',
      en: 'A voucher pays special funds to a household cancelled before the voucher\'s date (death, wrong identification, duplicate). Find out where the money went; recover it and reverse the voucher.',
    },
    sql: (s) => `SELECT h.id AS household_id, NULL AS member_id, v.id AS voucher_id, v.date || ' > ' || h.status_since AS facts
            FROM ${PAYMENT_LINES} JOIN households h ON h.id = l.household_id
           WHERE ${s} AND ${PAYMENT_WHERE} AND h.status = 'cancelled' AND h.status_since < v.date
           GROUP BY v.id, h.id`,
  },
  {
    id: 'voucher.paid_after_death',
    severity: 'error',
    target: 'voucher',
    title: { zh: '死亡后仍发放', en: 'Paid after death' },
    explain: {
      zh: '户内唯一成员已死亡，凭证日期却在死亡之后，仍向该户付款。请核实款项去向，冒领款项应追回并红字冲销，并办理该户注销。',
      en: 'The only member of the household had died, yet a voucher dated after the death pays the household. Find out where the money went; recover it, reverse the voucher and cancel the household.',
    },
    sql: (s) => `SELECT h.id AS household_id, m.id AS member_id, v.id AS voucher_id, v.date || ' > ' || m.deceased_on AS facts
            FROM ${PAYMENT_LINES} JOIN households h ON h.id = l.household_id
            JOIN members m ON m.household_id = h.id AND m.removed = 0 AND m.deceased = 1 AND m.deceased_on < v.date
           WHERE ${s} AND ${PAYMENT_WHERE}
             AND (SELECT count(*) FROM members o WHERE o.household_id = h.id AND o.removed = 0) = 1
           GROUP BY v.id, h.id`,
  },
];
