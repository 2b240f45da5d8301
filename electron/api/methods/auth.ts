import { z } from 'zod';
import { method } from '../define';
import { ANY_ROLE } from '../../../db/roles';
import { changePassword, createUser, getUser, listUsers, newUserInput, setUserInput, signIn, updateUser, password } from '../../../db/system/users';

export const authMethods = {
  'auth.signIn': method({
    doc: 'Sign in with user name and password. Five failures lock the account for 15 minutes.',
    input: z.object({ username: z.string().max(64), password: z.string().max(128) }),
    access: 'public',
    run: (input, ctx) => {
      const user = signIn(ctx.ledger, input.username, input.password);
      ctx.session.userId = user.id;
      return user;
    },
  }),

  'auth.signOut': method({
    doc: 'End this session.',
    input: z.object({}),
    access: 'public',
    run: (_input, ctx) => {
      ctx.session.userId = null;
      return { signedOut: true };
    },
  }),

  'auth.me': method({
    doc: 'The signed-in user, or null.',
    input: z.object({}),
    access: 'public',
    run: (_input, ctx) => {
      if (ctx.session.userId === null || !ctx.host.ledger) return null;
      return getUser(ctx.ledger, ctx.session.userId);
    },
  }),

  'auth.changePassword': method({
    doc: 'Change your own password.',
    input: z.object({ oldPassword: z.string().max(128), newPassword: password }),
    access: ANY_ROLE,
    run: (input, ctx) => {
      changePassword(ctx.ledger, ctx.actor, input.oldPassword, input.newPassword);
      return { changed: true };
    },
  }),

  'users.list': method({
    doc: 'All user accounts (administrator).',
    input: z.object({}),
    access: ['admin'],
    run: (_input, ctx) => listUsers(ctx.ledger),
  }),

  'users.create': method({
    doc: 'Create a user account with a role (administrator).',
    input: newUserInput,
    access: ['admin'],
    run: (input, ctx) => createUser(ctx.ledger, ctx.actor, input),
  }),

  'users.update': method({
    doc: 'Change a user\'s role, disable them, or reset their password (administrator).',
    // At least one change: with none, drizzle's update().set({}) throws and the caller got INTERNAL.
    input: setUserInput.refine((v) => v.role !== undefined || v.active !== undefined || v.password !== undefined, {
      message: 'Nothing to change: give a role, active or a new password',
      params: { zh: '没有要修改的内容：请指定角色、启用状态或新密码' },
      path: ['role'],
    }),
    access: ['admin'],
    run: (input, ctx) => updateUser(ctx.ledger, ctx.actor, input),
  }),
};
