/** Users for the promise tests: an admin, two salespeople, operations and a manager. */
import type { Actor } from '../../../main/people/people-service';
import type { Desk } from './plant';

export const PASS = { admin: 'admin passphrase 1', sales: 'sales passphrase 1', sales2: 'sales passphrase 2', ops: 'operations pass 1', manager: 'manager passphrase 1' };

export interface Team {
  admin: Actor;
  sales: Actor;
  sales2: Actor;
  ops: Actor;
  manager: Actor;
}

export async function addTeam(desk: Desk): Promise<Team> {
  const p = desk.people;
  await p.addUser(null, 'Ada Admin', 'admin', PASS.admin);
  const admin = await p.signIn('Ada Admin', PASS.admin);
  await p.addUser(admin, 'Sam Sales', 'sales', PASS.sales);
  await p.addUser(admin, 'Sue Sales', 'sales', PASS.sales2);
  await p.addUser(admin, 'Otto Ops', 'operations', PASS.ops);
  await p.addUser(admin, 'Mia Manager', 'manager', PASS.manager);
  return {
    admin,
    sales: await p.signIn('Sam Sales', PASS.sales),
    sales2: await p.signIn('Sue Sales', PASS.sales2),
    ops: await p.signIn('Otto Ops', PASS.ops),
    manager: await p.signIn('Mia Manager', PASS.manager),
  };
}
