import { method, mutation } from '../define';
import { ANY_ROLE } from '../../../db/roles';
import type { Ledger } from '../../../db/ledger';
import { unreviewInput, reverseInput, updateVoucherInput, voucherFields, voucherIdInput, voucherQuery } from '../../../db/funds/schemas';
import {
  VOUCHER_ROLES, createVoucher, deleteVoucher, postVoucher, reverseVoucher, reviewVoucher, unreviewVoucher, updateVoucher,
} from '../../../db/funds/vouchers';
import { getVoucher, listVouchers } from '../../../db/funds/voucherQueries';

/** The answer of a method that changed a voucher: the voucher as it now stands. */
const theVoucher = (ledger: Ledger, input: { voucherId: number }) => getVoucher(ledger, input.voucherId);

export const fundsVoucherMethods = {
  'funds.vouchers': method({
    doc: 'Vouchers filtered by year, status, dates or text, paged: unposted first, then posted by number.',
    input: voucherQuery,
    access: ANY_ROLE,
    run: (input, ctx) => listVouchers(ctx.ledger, input),
  }),
  'funds.voucher': method({
    doc: 'One voucher with its lines, names of its dimensions, who prepared, reviewed and posted it, and its total in Chinese capitals.',
    input: voucherIdInput,
    access: ANY_ROLE,
    run: (input, ctx) => getVoucher(ctx.ledger, input.voucherId),
  }),
  'funds.createVoucher': method({
    doc: 'Prepare a voucher (draft): balanced to the fen, lines on active leaf accounts with their required dimensions, within budget, in an open period.',
    input: voucherFields,
    access: VOUCHER_ROLES.prepare,
    run: (input, ctx) => createVoucher(ctx.ledger, ctx.actor, input),
  }),
  'funds.updateVoucher': mutation({
    doc: 'Rewrite a draft voucher; the editor becomes its preparer.',
    input: updateVoucherInput,
    access: VOUCHER_ROLES.prepare,
    mutate: updateVoucher,
    answer: theVoucher,
  }),
  'funds.deleteVoucher': method({
    doc: 'Delete a draft voucher (drafts have no number yet).',
    input: voucherIdInput,
    access: VOUCHER_ROLES.prepare,
    run: (input, ctx) => {
      deleteVoucher(ctx.ledger, ctx.actor, input);
      return { deleted: true };
    },
  }),
  'funds.reviewVoucher': mutation({
    doc: 'Review a draft voucher; refused to its preparer.',
    input: voucherIdInput,
    access: VOUCHER_ROLES.review,
    mutate: reviewVoucher,
    answer: theVoucher,
  }),
  'funds.unreviewVoucher': mutation({
    doc: 'Send a reviewed voucher back to draft, with the reason.',
    input: unreviewInput,
    access: VOUCHER_ROLES.review,
    mutate: unreviewVoucher,
    answer: theVoucher,
  }),
  'funds.postVoucher': mutation({
    doc: 'Post a reviewed voucher: it gets the next number of its year and can never change again.',
    input: voucherIdInput,
    access: VOUCHER_ROLES.post,
    mutate: postVoucher,
    answer: theVoucher,
  }),
  'funds.reverseVoucher': method({
    doc: 'Start the reversal (红字冲销) of a posted voucher: a draft mirroring its lines, to be reviewed and posted.',
    input: reverseInput,
    access: VOUCHER_ROLES.prepare,
    run: (input, ctx) => reverseVoucher(ctx.ledger, ctx.actor, input),
  }),
};
