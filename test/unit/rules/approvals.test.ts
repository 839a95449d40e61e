/**
 * The approvals rule (`shared/rules/approvals.ts`): who must still approve what, by hand-computed
 * cases from `promises.md`, and as properties over any reasons, approvals and actor.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalsMissing, approvalsNeeded, completesApproval, decisionOf, submitterOf, type DecisionOnRecord, type DecisionSubject } from '../../../shared/rules/approvals';
import { approverOf, CAPACITY_REASONS, COMMERCIAL_REASONS } from '../../../shared/rules/reason-groups';
import { ROLES, type ActorRef } from '../../../shared/rules/roles';
import { REASON_CODES, type ReasonCode } from '../../../shared/schemas/check';

const ok = (role: string): DecisionOnRecord => ({ role, decision: 'approved' });
const awaiting = (codes: ReasonCode[], approvals: DecisionOnRecord[] = [], submittedBy: string | null = 'Sam'): DecisionSubject => ({ status: 'awaiting_approval', codes, approvals, submittedBy });
const olga: ActorRef = { name: 'Olga', role: 'operations' };
const max: ActorRef = { name: 'Max', role: 'manager' };
const ada: ActorRef = { name: 'Ada', role: 'admin' };
const sam: ActorRef = { name: 'Sam', role: 'sales' };

describe('who must approve', () => {
  it('capacity reasons need operations, commercial ones a manager, both when both apply (operations first)', () => {
    expect(approvalsNeeded(['needs_overtime'])).toEqual(['operations']);
    expect(approvalsNeeded(['needs_express', 'needs_overtime'])).toEqual(['operations']);
    expect(approvalsNeeded(['discount_above_limit'])).toEqual(['manager']);
    expect(approvalsNeeded(['margin_below_floor', 'needs_express'])).toEqual(['operations', 'manager']);
    // Reasons no approval covers need nobody (the check is not feasible, not awaiting approval).
    expect(approvalsNeeded(['capacity_short', 'stock_short'])).toEqual([]);
  });

  it('the reason groups are disjoint and name every approvable code once', () => {
    expect(CAPACITY_REASONS.map(approverOf)).toEqual(['operations', 'operations']);
    expect(COMMERCIAL_REASONS.map(approverOf)).toEqual(['manager', 'manager']);
    expect(REASON_CODES.filter((c) => approverOf(c) !== null)).toEqual([...CAPACITY_REASONS, ...COMMERCIAL_REASONS]);
  });

  it('an approval on record takes its role off; an admin’s takes every role off; a rejection none', () => {
    const both: ReasonCode[] = ['needs_overtime', 'margin_below_floor'];
    expect(approvalsMissing(both, [])).toEqual(['operations', 'manager']);
    expect(approvalsMissing(both, [ok('operations')])).toEqual(['manager']);
    expect(approvalsMissing(both, [ok('operations'), ok('manager')])).toEqual([]);
    expect(approvalsMissing(both, [ok('admin')])).toEqual([]);
    expect(approvalsMissing(both, [{ role: 'manager', decision: 'rejected' }])).toEqual(['operations', 'manager']);
  });

  it('the submitter is the user of the last move to awaiting_approval', () => {
    expect(submitterOf([{ to: 'draft', user: 'Ann' }, { to: 'awaiting_approval', user: 'Sam' }])).toBe('Sam');
    expect(submitterOf([{ to: 'confirmed', user: 'Ann' }])).toBeNull();
  });
});

describe('whose decision is due', () => {
  it('operations for a capacity reason, recorded as operations; the last one needed completes it', () => {
    const d = decisionOf(olga, awaiting(['needs_overtime']));
    expect(d).toEqual({ due: true, as: 'operations', covers: ['operations'], missing: ['operations'] });
    expect(d.due && completesApproval(d)).toBe(true);
  });

  it('with both reasons, the first approver does not complete it and the second does', () => {
    const first = decisionOf(max, awaiting(['needs_express', 'discount_above_limit']));
    expect(first).toEqual({ due: true, as: 'manager', covers: ['manager'], missing: ['operations', 'manager'] });
    expect(first.due && completesApproval(first)).toBe(false);
    const second = decisionOf(olga, awaiting(['needs_express', 'discount_above_limit'], [ok('manager')]));
    expect(second).toEqual({ due: true, as: 'operations', covers: ['operations'], missing: ['operations'] });
    expect(second.due && completesApproval(second)).toBe(true);
  });

  it('an admin covers every role still needed, recorded as admin', () => {
    expect(decisionOf(ada, awaiting(['needs_overtime', 'margin_below_floor'], [ok('operations')]))).toEqual({ due: true, as: 'admin', covers: ['manager'], missing: ['manager'] });
  });

  it('refuses the submitter, a role approved already, a role not needed, and a promise not awaiting approval', () => {
    expect(decisionOf({ name: 'sam', role: 'operations' }, awaiting(['needs_overtime'], [], 'Sam'))).toMatchObject({ due: false, why: 'own_submission' });
    expect(decisionOf(olga, awaiting(['needs_overtime', 'margin_below_floor'], [ok('operations')]))).toMatchObject({ due: false, why: 'already_approved' });
    expect(decisionOf(max, awaiting(['needs_overtime']))).toMatchObject({ due: false, why: 'not_needed' });
    expect(decisionOf(sam, awaiting(['needs_overtime'], [], 'Ann'))).toMatchObject({ due: false, why: 'not_needed' });
    expect(decisionOf(olga, { ...awaiting(['needs_overtime']), status: 'confirmed' })).toMatchObject({ due: false, why: 'not_awaiting' });
  });

  it('in single-user mode local decides on what local submitted', () => {
    expect(decisionOf({ name: 'local', role: 'admin' }, awaiting(['needs_overtime'], [], 'local'))).toMatchObject({ due: true, as: 'admin' });
  });
});

const code = fc.constantFrom(...REASON_CODES);
const role = fc.constantFrom(...ROLES);
const actor = fc.record({ name: fc.constantFrom('Ann', 'Bo', 'Cy', 'local'), role });
const record = fc.record({ role, decision: fc.constantFrom('approved' as const, 'rejected' as const) });
const subject = fc.record({ codes: fc.array(code, { maxLength: 6 }), approvals: fc.array(record, { maxLength: 4 }), submittedBy: fc.option(fc.constantFrom('Ann', 'Bo', 'Cy'), { nil: null }) });

describe('properties', () => {
  it('once every needed role approved, nobody must still approve and no decision is due', () => {
    fc.assert(
      fc.property(subject, actor, (s, who) => {
        const approvals = [...s.approvals, ...approvalsNeeded(s.codes).map(ok)];
        expect(approvalsMissing(s.codes, approvals)).toEqual([]);
        expect(decisionOf(who, { ...s, status: 'awaiting_approval', approvals }).due).toBe(false);
      }),
    );
  });

  it('a due decision covers only missing roles, its own role unless an admin, and never the submitter', () => {
    fc.assert(
      fc.property(subject, actor, (s, who) => {
        const d = decisionOf(who, { ...s, status: 'awaiting_approval' });
        if (!d.due) return;
        expect(d.covers.length).toBeGreaterThan(0);
        expect(d.covers.every((r) => d.missing.includes(r))).toBe(true);
        if (who.role !== 'admin') expect(d.covers).toEqual([who.role]);
        else expect(d.covers).toEqual(d.missing);
        if (who.name !== 'local') expect(who.name).not.toBe(s.submittedBy);
      }),
    );
  });

  it('approving as the rule says shrinks what is missing by exactly what it covers', () => {
    fc.assert(
      fc.property(subject, actor, (s, who) => {
        const d = decisionOf(who, { ...s, status: 'awaiting_approval' });
        if (!d.due) return;
        const after = approvalsMissing(s.codes, [...s.approvals, ok(d.as)]);
        expect(after).toEqual(d.missing.filter((r) => !d.covers.includes(r)));
        expect(after.length === 0).toBe(completesApproval(d));
      }),
    );
  });
});
