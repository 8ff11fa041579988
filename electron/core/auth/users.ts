import { CallError } from '../../../shared/contract/errors';
import type { User } from '../../../shared/contract/session';
import type { Role } from '../../../shared/domain/vocabulary';
import type { Actor, PasswordHashing } from '../context';
import type { Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { newId } from '../replication/ids';

interface UserRow {
  id: string;
  login: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
}

export function toUser(row: UserRow): User {
  return { id: row.id, login: row.login, displayName: row.display_name, role: row.role, active: row.active === 1 };
}

export function findUserByLogin(db: ReadDb, login: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE login = ?').get(login) as UserRow | undefined;
}

export function findUser(db: ReadDb, id: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function countUsers(db: ReadDb): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export function actorFromRow(row: UserRow): Actor {
  return { id: row.id, login: row.login, displayName: row.display_name, role: row.role };
}

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  password: string;
}

export function insertUser(db: Db, passwords: Pick<PasswordHashing, 'hash'>, input: NewUser, by: string, at: string): User {
  if (findUserByLogin(db, input.login)) {
    throw new CallError({ code: 'conflict', key: 'error.loginTaken', params: { login: input.login } }, `Login ${input.login} is taken`);
  }
  const id = newId();
  db.prepare(
    `INSERT INTO users (id, login, display_name, role, password_hash, active, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  ).run(id, input.login, input.displayName, input.role, passwords.hash(input.password), at, by, at, by);
  return toUser(findUser(db, id)!);
}
