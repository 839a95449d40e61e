import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../main/summary/canonical-json';
import { signSummary, signedBytes, summaryJson, verificationCode } from '../../../main/summary/sign-summary';
import { verifyFile, verifySigned } from '../../../main/summary/verify';
import { verifyBytes } from '../../../main/people/keys';
import { knowing, makeSigner, signedCopy, store } from './signing-fixture';

const maria = makeSigner('Maria Keller', 'manager');
const bytes = (v: unknown, indent?: number) => Buffer.from(JSON.stringify(v, null, indent));

describe('signing', () => {
  it('signs the canonical JSON of {summary, signer, role, signed_at}', () => {
    const doc = signedCopy(maria, 'internal');
    const sig = doc.signatures[0]!;
    expect(sig).toMatchObject({ signer: 'Maria Keller', role: 'manager', signed_at: '2026-11-22T09:31:12Z', public_key: maria.publicKey });
    expect(Buffer.from(sig.signature, 'base64')).toHaveLength(64);
    const payload = canonicalJson({ summary: doc.summary, signer: sig.signer, role: sig.role, signed_at: sig.signed_at });
    expect(signedBytes(doc.summary, sig.signer, sig.role, sig.signed_at).toString()).toBe(payload);
    expect(verifyBytes(maria.publicKey, Buffer.from(payload), sig.signature)).toBe(true);
  });

  it('the verification code is 12 base32 characters of SHA-256 of the canonical summary', () => {
    const doc = signedCopy(maria, 'customer');
    const code = verificationCode(doc.summary);
    expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(verificationCode(JSON.parse(JSON.stringify(doc.summary, null, 3)))).toBe(code);
    expect(verificationCode(signedCopy(maria, 'internal').summary)).not.toBe(code);
  });
});

describe('verifying the JSON form', () => {
  it('says intact with signer, role and date', async () => {
    for (const copy of ['customer', 'internal'] as const) {
      const v = await verifyFile(Buffer.from(summaryJson(signedCopy(maria, copy))), knowing(maria));
      expect(v.message).toBe('intact: signed by Maria Keller (manager) on 2026-11-22');
      expect(v.intact).toBe(true);
    }
  });

  it('re-formatting the JSON changes nothing', async () => {
    const doc = signedCopy(maria, 'internal');
    const shuffled = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    const reordered = { signatures: shuffled.signatures, summary: shuffled.summary };
    expect((await verifyFile(bytes(reordered), knowing(maria))).intact).toBe(true);
    expect((await verifyFile(Buffer.from(`\uFEFF${JSON.stringify(doc, null, '\t')}\r\n`), knowing(maria))).intact).toBe(true);
    expect((await verifyFile(Buffer.from(JSON.stringify(doc).replace('"qty":500', '"qty":500.0')), knowing(maria))).intact).toBe(true);
  });

  it('one digit changed: altered', async () => {
    const text = summaryJson(signedCopy(maria, 'customer'));
    expect(text).toContain('"qty": 500');
    const v = await verifyFile(Buffer.from(text.replace('"qty": 500', '"qty": 600')), knowing(maria));
    expect(v).toMatchObject({ intact: false, problem: 'altered' });
  });

  it('names the changed field when this database holds the original', async () => {
    const doc = signedCopy(maria, 'internal');
    const changed = JSON.parse(JSON.stringify(doc));
    changed.summary.lines[1].unit_price = '3.0250';
    const v = await verifySigned(changed, { ...knowing(maria), storedSummary: () => doc });
    expect(v.message).toBe('altered: summary.lines[1].unit_price differs from the summary this database signed');
  });

  it('a changed signer role or time is altered; changed signature bytes are an invalid signature', async () => {
    const doc = signedCopy(maria, 'internal');
    const role = JSON.parse(JSON.stringify(doc));
    role.signatures[0].role = 'admin';
    expect(await verifySigned(role, { ...knowing(maria), storedSummary: () => doc })).toMatchObject({ problem: 'altered', message: 'altered: the signature\'s role was manager, now admin' });
    expect(await verifySigned(role, knowing(maria))).toMatchObject({ problem: 'altered' });
    const sig = JSON.parse(JSON.stringify(doc));
    const raw = Buffer.from(sig.signatures[0].signature, 'base64');
    raw[10] = raw[10]! ^ 1;
    sig.signatures[0].signature = raw.toString('base64');
    expect(await verifySigned(sig, { ...knowing(maria), storedSummary: () => doc })).toMatchObject({ problem: 'signature_invalid' });
    sig.signatures[0].signature = 'AAAA';
    expect(await verifySigned(sig, knowing(maria))).toMatchObject({ problem: 'signature_invalid' });
  });

  it('re-signed with another key under the same name: another key', async () => {
    const forger = { ...makeSigner('Maria Keller', 'manager') };
    const doc = signedCopy(maria, 'customer');
    const changed = JSON.parse(JSON.stringify(doc.summary));
    changed.lines[0].qty = 5000;
    const forged = signSummary(changed, forger, '2026-11-23T08:00:00Z');
    const v = await verifyFile(bytes(forged, 2), knowing(maria));
    expect(v).toMatchObject({ intact: false, problem: 'another_key' });
    expect(v.message).toMatch(/^another key: signed with key [0-9a-f]{16}, but Maria Keller's key here is [0-9a-f]{16}$/);
  });

  it('a signer this database does not know: signer unknown here', async () => {
    const stranger = makeSigner('Eve', 'admin');
    const v = await verifyFile(bytes(signedCopy(stranger, 'customer')), knowing(maria));
    expect(v).toMatchObject({ problem: 'signer_unknown', message: 'signer unknown here: Eve is not a user of this database' });
  });

  it('every signature must hold', async () => {
    const otto = makeSigner('Otto Ops', 'operations');
    const doc = signedCopy(maria, 'customer');
    const both = store({ summary: doc.summary, signatures: [...doc.signatures, ...signSummary(doc.summary, otto, '2026-11-22T10:00:00Z').signatures] });
    expect((await verifySigned(both, knowing(maria, otto))).message).toBe('intact: signed by Maria Keller (manager) on 2026-11-22; Otto Ops (operations) on 2026-11-22');
    expect((await verifySigned(both, knowing(maria))).intact).toBe(false);
    expect((await verifySigned({ summary: doc.summary, signatures: [] }, knowing(maria))).intact).toBe(false);
  });

  it('refuses what is not a signed summary', async () => {
    expect(await verifyFile(Buffer.from('not json'), knowing(maria))).toMatchObject({ problem: 'unreadable' });
    expect(await verifyFile(Buffer.from('{"a":1}'), knowing(maria))).toMatchObject({ problem: 'unreadable' });
    const doc = JSON.parse(summaryJson(signedCopy(maria, 'customer')));
    doc.summary.lines[0].qty = '500';
    expect(await verifySigned(doc, knowing(maria))).toMatchObject({ problem: 'altered' });
  });
});
