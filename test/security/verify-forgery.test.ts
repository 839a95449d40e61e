/**
 * Issue #13 rows 2, 6, 18 and 20, on a real database with users: summaries made up and signed
 * with keys people really have. Each must be refused with the rule that fails; a genuine summary
 * still verifies and says the promise's status now.
 */
import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { privateKeyFromRaw } from '../../main/people/keys';
import { exportSummary, verifySummary } from '../../main/services/summary-service';
import { signSummary, summaryJson } from '../../main/summary/sign-summary';
import type { SignedSummary } from '../../main/summary/summary-types';
import type { Role } from '../../shared/rules/roles';
import { addTeam, type Team } from '../unit/promises/people';
import { openDesk, request, type Desk } from '../unit/promises/plant';

async function confirmed(d: Desk, t: Team): Promise<{ id: string; doc: SignedSummary }> {
  const c = await d.promises.confirm(t.sales, { request: request(8) });
  if (!c.ok) throw new Error(c.message);
  const json = await exportSummary(d.promises, c.id, 'customer', 'json');
  if (!json.ok) throw new Error(json.message);
  return { id: c.id, doc: JSON.parse(json.bytes.toString()) as SignedSummary };
}

const verify = async (d: Desk, doc: unknown) => {
  const v = await verifySummary(d.people, Buffer.from(JSON.stringify(doc)), d.promises);
  return { ...v, problem: v.intact ? null : v.problem };
};
const resign = (doc: SignedSummary, a: { name: string; role: Role; privateKey: KeyObject; publicKey: string }, at: string) =>
  signSummary(doc.summary, { name: a.name, role: a.role, privateKey: a.privateKey, publicKey: a.publicKey }, at);

describe('control', () => {
  it('a genuine summary verifies and says the status now; cancelled, it says so (row 20)', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const { id, doc } = await confirmed(d, t);
    expect((await verify(d, doc)).message).toBe(`intact: signed by Sam Sales (sales) on 2026-03-02; promise ${id} is now confirmed`);
    const c = await d.promises.cancel(t.sales, id);
    expect(c.ok).toBe(true);
    const v = await verify(d, doc);
    expect(v).toMatchObject({ intact: true, status: 'cancelled', message: `intact: signed by Sam Sales (sales) on 2026-03-02; promise ${id} is now cancelled` });
    await d.close();
  });
});

describe('row 2: role at signing and the stored summary', () => {
  it('a user signs with their own key claiming admin or manager: refused', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const { doc } = await confirmed(d, t);
    for (const role of ['admin', 'manager'] as const) {
      const v = await verify(d, resign(doc, { ...t.sales, role }, '2026-03-02T08:00:00Z'));
      expect(v).toMatchObject({ intact: false, problem: 'signature_invalid', message: `signature invalid: Sam Sales was sales on 2026-03-02T08:00:00Z, not ${role}` });
    }
    await d.close();
  });

  it('a made-up summary for a promise that does not exist, or changed for one that does: refused', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const { doc } = await confirmed(d, t);
    const madeUp = structuredClone(doc);
    madeUp.summary.promise_id = 'P-999999';
    expect(await verify(d, resign(madeUp, t.sales, '2026-03-02T08:00:00Z'))).toMatchObject({ problem: 'unknown_promise', message: 'unknown promise here: this database has no signed customer summary of P-999999' });
    const changed = structuredClone(doc);
    changed.summary.lines[0]!.qty = 9000;
    expect((await verify(d, resign(changed, t.sales, '2026-03-02T08:00:00Z'))).message).toBe(`altered: summary.lines[0].qty differs from the summary this database stored for ${doc.summary.promise_id}`);
    await d.close();
  });

  it('a role changed later does not change what was signed; a role given later does not sign earlier', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const { doc } = await confirmed(d, t);
    d.clock.advanceHours(1);
    await d.people.setRole(t.admin, 'Sam Sales', 'manager');
    expect((await verify(d, doc)).intact).toBe(true);
    // Now a manager, Sam back-dates a manager signature to before the change.
    expect((await verify(d, resign(doc, { ...t.sales, role: 'manager' }, '2026-03-02T08:00:00Z'))).problem).toBe('signature_invalid');
    await d.close();
  });
});

describe('row 6: the installation key, replaced keys, the future', () => {
  it('the installation key signs after users exist: refused, even over a genuine summary', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const { doc } = await confirmed(d, t);
    d.clock.advanceHours(1);
    const k = await d.people.store.installationKey();
    const local = { name: 'local', role: 'admin' as const, publicKey: k.publicKey, privateKey: privateKeyFromRaw(k.privateKey, k.publicKey) };
    const v = await verify(d, resign(doc, local, '2026-03-02T09:00:00Z'));
    expect(v).toMatchObject({ intact: false, problem: 'signature_invalid' });
    expect(v.message).toMatch(/^signature invalid: the installation key \(local\) signed on 2026-03-02T09:00:00Z, after the first user was added/);
    // Back-dated to before the first user: not the signature this database stored.
    expect((await verify(d, resign(doc, local, '2026-03-01T09:00:00Z'))).intact).toBe(false);
    await d.close();
  });

  it('a key replaced by a passphrase reset signs later: refused; what it signed before still verifies', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const { doc } = await confirmed(d, t);
    d.clock.advanceHours(1);
    await d.people.changePassphrase(t.admin, 'Sam Sales', 'reset by the admin 7');
    expect((await verify(d, doc)).intact).toBe(true);
    d.clock.advanceHours(0.5);
    const v = await verify(d, resign(doc, t.sales, '2026-03-02T09:30:00Z'));
    expect(v.problem, v.message).toBe('signature_invalid');
    expect(v.message).toMatch(/^signature invalid: key [0-9a-f]{16} was not Sam Sales's key on 2026-03-02T09:30:00Z/);
    await d.close();
  });

  it('signed_at in the future (beyond 5 minutes of clock difference): refused', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const { doc } = await confirmed(d, t);
    expect((await verify(d, resign(doc, t.sales, '2026-03-02T08:20:00Z'))).message).toBe("signature invalid: Sam Sales's signature is dated 2026-03-02T08:20:00Z, in the future");
    await d.close();
  });
});

describe('row 18: one reading of the file only', () => {
  it('a repeated key, an unknown field in a signature, __proto__, the same signature twice: refused', async () => {
    const d = await openDesk();
    const t = await addTeam(d);
    const { doc } = await confirmed(d, t);
    const text = summaryJson(doc);
    const check = async (s: string) => verifySummary(d.people, Buffer.from(s), d.promises);
    expect((await check(text)).intact).toBe(true);
    const repeated = await check(text.replace('"qty": 8,', '"qty": 9000, "qty": 8,'));
    expect(repeated.intact).toBe(false);
    expect(repeated.message).toMatch(/the key "qty" is repeated in one object/);
    const extra = structuredClone(doc) as unknown as { signatures: Record<string, unknown>[] };
    extra.signatures[0]!.comment = 'approved by the board';
    expect((await check(JSON.stringify(extra))).message).toBe('altered: signatures.0 has a field the format does not define (comment)');
    const proto = await check(text.replace('"summary": {', '"summary": { "__proto__": { "qty": 1 },'));
    expect(proto.message).toMatch(/"__proto__"/);
    expect(proto.intact).toBe(false);
    const twice = { summary: doc.summary, signatures: [doc.signatures[0], doc.signatures[0]] };
    expect((await check(JSON.stringify(twice))).message).toBe("altered: Sam Sales's signature appears twice");
    await d.close();
  });
});
