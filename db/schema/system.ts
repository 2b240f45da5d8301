import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { typeChecks } from './strict';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  /** scrypt: "scrypt$N$r$p$salt$hash", base64 parts. */
  passwordHash: text('password_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
}, (t) => typeChecks('users', t));

/**
 * Append-only audit trail: triggers (migration) refuse UPDATE and DELETE, and each row carries
 * the SHA-256 of its content chained to the previous row's hash.
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  userId: integer('user_id').notNull(),
  userName: text('user_name').notNull(),
  method: text('method').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  action: text('action').notNull(),
  before: text('before'),
  after: text('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  ...typeChecks('audit_log', t),
  index('audit_entity').on(t.entity, t.entityId),
  index('audit_user').on(t.userId),
]);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
}, (t) => typeChecks('settings', t));
