/**
 * The people and promise channels' cases for the contract test (contract.test.ts): payloads each
 * must refuse, with the field the error must name, and one good payload each (answered by the
 * fake port, test/fakes/fake-promises.ts). Nothing a payload says about who acts is accepted.
 */
import type { PromiseChannel } from '../fakes/fake-ports';

const line = { sku: 'PUMP-100', qty: 5, requested_date: '2026-03-20', unit_price: '120' };
const request = { customer: 'Acme', region: 'DE', lines: [line] };
const pdfB64 = Buffer.from('{"summary":{"promise_id":"P-000003"},"signatures":[]}').toString('base64');

export const PROMISE_MALFORMED: Record<PromiseChannel, { payload: unknown; path: string }[]> = {
  'session:get': [{ payload: { user: 'Ada Admin' }, path: '' }],
  'session:signin': [
    { payload: { name: 'Ada Admin' }, path: 'passphrase' },
    { payload: { name: '', passphrase: 'x' }, path: 'name' },
    { payload: { name: 'Ada Admin', passphrase: 'ada pass 1234', role: 'admin' }, path: '' },
    { payload: { name: 'x'.repeat(65), passphrase: 'ada pass 1234' }, path: 'name' },
  ],
  'session:signout': [{ payload: { all: true }, path: '' }],
  'users:list': [{ payload: 'everyone', path: '' }],
  'users:add': [
    { payload: { name: 'Bo', role: 'root', passphrase: 'long enough 1' }, path: 'role' },
    { payload: { name: 'Bo', role: 'sales', passphrase: 'short' }, path: 'passphrase' },
    { payload: { name: 'Bo', role: 'sales', passphrase: 'long enough 1', actor: 'Ada Admin' }, path: '' },
  ],
  'users:disable': [{ payload: { name: 'Sam Sales', disabled: 'yes' }, path: 'disabled' }],
  'users:role': [{ payload: { name: 'Sam Sales', role: 'owner' }, path: 'role' }],
  'users:passphrase': [{ payload: { name: 'Sam Sales', new_passphrase: 'tiny' }, path: 'new_passphrase' }],
  'promises:draft': [
    { payload: {}, path: 'request' },
    { payload: { request, user: 'Otto Ops' }, path: '' },
  ],
  'promises:confirm': [
    { payload: {}, path: 'request' },
    { payload: { request, draft_id: 'P-000001' }, path: 'request' },
    { payload: { draft_id: '1; DROP TABLE promises' }, path: 'draft_id' },
    { payload: { request, role: 'admin' }, path: '' },
  ],
  'promises:submit': [{ payload: { request, asOf: '2026-02-30' }, path: 'asOf' }],
  'promises:approve': [
    { payload: { id: 'P-000001', role: 'operations' }, path: '' },
    { payload: { id: 'P-000001', as: 'Otto Ops' }, path: '' },
    { payload: { id: 'x' }, path: 'id' },
    { payload: { id: 'P-000001', comment: 'c'.repeat(501) }, path: 'comment' },
  ],
  'promises:reject': [
    { payload: { id: 'P-000001' }, path: 'comment' },
    { payload: { id: 'P-000001', comment: '   ' }, path: 'comment' },
  ],
  'promises:cancel': [{ payload: { id: 42 }, path: 'id' }],
  'promises:fulfil': [{ payload: { id: 'P-000003', user: 'Otto Ops' }, path: '' }],
  'promises:list': [
    { payload: { status: ['open'] }, path: 'status[0]' },
    { payload: { from: '2026-13-01' }, path: 'from' },
    { payload: { limit: 100000 }, path: 'limit' },
    { payload: { dates: 'confirmed' }, path: 'dates' },
  ],
  'promises:get': [{ payload: { id: '../etc/passwd' }, path: 'id' }],
  'approvals:queue': [{ payload: { role: 'operations' }, path: '' }],
  'approvals:count': [{ payload: { role: 'manager' }, path: '' }],
  'summary:export': [
    { payload: { id: 'P-000003', copy: 'secret', format: 'pdf' }, path: 'copy' },
    { payload: { id: 'P-000003', copy: 'customer', format: 'docx' }, path: 'format' },
  ],
  'summary:save': [{ payload: { id: 'P-000003', copy: 'customer', format: 'pdf', path: '/tmp/x.pdf' }, path: '' }],
  'summary:verify': [
    { payload: { base64: '' }, path: 'base64' },
    { payload: { base64: 'not base64!' }, path: 'base64' },
    { payload: { path: '/etc/passwd' }, path: 'base64' },
  ],
};

export const PROMISE_GOOD: Record<PromiseChannel, unknown> = {
  'session:get': undefined,
  'session:signin': { name: 'Sam Sales', passphrase: 'sam pass 1234' },
  'session:signout': undefined,
  'users:list': undefined,
  'users:add': { name: 'Bo Buyer', role: 'sales', passphrase: 'bo pass 12345' },
  'users:disable': { name: 'Sam Sales' },
  'users:role': { name: 'Sam Sales', role: 'manager' },
  'users:passphrase': { name: 'Sam Sales', new_passphrase: 'sam pass 5678', current_passphrase: 'sam pass 1234' },
  'promises:draft': { request },
  'promises:confirm': { request },
  'promises:submit': { request: { ...request, lines: [{ ...line, qty: 150 }] } },
  'promises:approve': { id: 'P-000001', comment: 'overtime booked' },
  'promises:reject': { id: 'P-000001', comment: 'no overtime that week' },
  'promises:cancel': { id: 'P-000003' },
  'promises:fulfil': { id: 'P-000003' },
  'promises:list': { status: ['confirmed'], customer: 'cor', product: 'PUMP-100', from: '2026-03-01', to: '2026-03-31', dates: 'delivery', at_risk: false, limit: 10 },
  'promises:get': { id: 'P-000003' },
  'approvals:queue': undefined,
  'approvals:count': undefined,
  'summary:export': { id: 'P-000003', copy: 'internal', format: 'json' },
  'summary:save': { id: 'P-000003', copy: 'customer', format: 'pdf' },
  'summary:verify': { name: 'P-000003-customer.json', base64: pdfB64 },
};
