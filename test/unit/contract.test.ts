/** The IPC contract: every channel refuses a malformed payload by name, before its handler runs. */
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract, issuePath, resultSchema, type Channel } from '../../shared/contract';
import { dispatch } from '../../main/handlers/dispatch';
import { handlers, type Handlers } from '../../main/handlers/index';
import { HandlerError } from '../../main/handlers/errors';
import { fakeBackend, FAKE_AS_OF } from '../fakes/fake-backend';
import { fakeContext, type FakeContext } from '../fakes/fake-context';
import { PROMISE_GOOD, PROMISE_MALFORMED } from './contract-promises-cases';

/** Payloads each channel must refuse, with the field the error must name. */
const MALFORMED: Record<Channel, { payload: unknown; path: string }[]> = {
  'app:info': [
    { payload: { extra: 1 }, path: '' },
    { payload: 'x', path: '' },
  ],
  'plant:summary': [
    { payload: { asOf: '2026-02-30' }, path: 'asOf' },
    { payload: { asOf: 20260301 }, path: 'asOf' },
    { payload: { other: true }, path: '' },
  ],
  'check:run': [
    { payload: undefined, path: '' },
    { payload: {}, path: 'request' },
    { payload: { request: {}, asOf: 'tomorrow' }, path: 'asOf' },
    { payload: { request: {}, sql: 'DROP TABLE promises' }, path: '' },
  ],
  'capacity:around': [
    { payload: { resource_ids: [], from: '2026-03-02', to: '2026-03-09' }, path: 'resource_ids' },
    { payload: { resource_ids: ['LINE-1'], from: '2026-03-09', to: '2026-03-02' }, path: 'to' },
    { payload: { resource_ids: ['LINE-1'], from: '2026-03-02', to: '2027-03-02' }, path: 'to' },
    { payload: { resource_ids: [' LINE-1'], from: '2026-03-02', to: '2026-03-03' }, path: 'resource_ids[0]' },
    { payload: { resource_ids: 'LINE-1', from: '2026-03-02', to: '2026-03-03' }, path: 'resource_ids' },
  ],
  'tables:load': [{ payload: { all: true }, path: '' }],
  'undo:preview': [{ payload: { change_id: 0 }, path: 'change_id' }],
  'undo:apply': [{ payload: { change_id: 3 }, path: 'base_version' }],
  'tables:impact': [{ payload: { base_version: 'v1', edits: [] }, path: 'edits' }],
  'tables:save': [
    { payload: { base_version: 'v1', edits: [] }, path: 'edits' },
    { payload: { base_version: 'v1', edits: [{ table: 'users', updates: [], inserts: [], deletes: [] }] }, path: 'edits[0].table' },
    { payload: { base_version: 'v1', edits: [{ table: 'resources', updates: [{ index: -1, cells: {} }], inserts: [], deletes: [] }] }, path: 'edits[0].updates[0].index' },
    { payload: { base_version: 'v1', edits: [{ table: 'resources', updates: [], inserts: [{ cost_per_hour: 5 }], deletes: [] }] }, path: 'edits[0].inserts[0].cost_per_hour' },
  ],
  'workbook:preview': [
    { payload: { kind: 'xlsx', name: 'a.xlsx', base64: 'not base64!' }, path: 'base64' },
    { payload: { kind: 'csv', name: 'plant', files: [] }, path: 'files' },
    { payload: { kind: 'path', name: '/etc/passwd' }, path: 'kind' },
  ],
  'workbook:choose': [{ payload: { kind: 'pdf' }, path: 'kind' }],
  'workbook:apply': [{ payload: {}, path: 'token' }],
  'workbook:download': [{ payload: { what: 'tables', format: 'ods' }, path: 'format' }],
  'workbook:save': [{ payload: { what: 'everything', format: 'csv' }, path: 'what' }],
  'capacity:picture': [{ payload: { asOf: '2026-13-01' }, path: 'asOf' }],
  'capacity:holders': [{ payload: { resource_id: 'LINE-1', from: 'monday', to: '2026-03-02' }, path: 'from' }],
  'history:list': [
    { payload: { limit: 0 }, path: 'limit' },
    { payload: { table: 'promises' }, path: 'table' },
  ],
  'risk:list': [{ payload: 1, path: '' }],
  'risk:count': [{ payload: { x: 1 }, path: '' }],
  'risk:recheck': [{ payload: { id: 'P-000001', lines: [] }, path: 'lines' }],
  'risk:repromise': [{ payload: { id: '', lines: [{}] }, path: 'id' }],
  'risk:cancel': [{ payload: { id: 'P-000001', comment: 7 }, path: 'comment' }],
  ...PROMISE_MALFORMED,
  'connection:get': [{ payload: { mode: 'team' }, path: '' }],
  'connection:set': [
    { payload: { mode: 'team', url: 'ftp://desk.example/' }, path: 'url' },
    { payload: { mode: 'team', url: 'https://desk.example/', fingerprint: 'AB:CD' }, path: 'fingerprint' },
    { payload: { mode: 'cloud' }, path: 'mode' },
  ],
};

/** One good payload per channel, so the tests see every channel answer. */
const GOOD: Record<Channel, unknown> = {
  'app:info': undefined,
  'plant:summary': {},
  'check:run': { request: { customer: 'Acme', region: 'DE', lines: [{ sku: 'PUMP-100', qty: 5, requested_date: '2026-03-20', unit_price: '120' }] } },
  'capacity:around': { resource_ids: ['LINE-1'], from: '2026-03-02', to: '2026-03-15' },
  'tables:load': undefined,
  'undo:preview': { change_id: 3 },
  'undo:apply': { change_id: 3, base_version: 'v1-fake0001' },
  'tables:impact': { base_version: 'v1-fake0001', edits: [{ table: 'resources', updates: [{ index: 0, cells: { cost_per_hour: '46' } }], inserts: [], deletes: [] }] },
  'tables:save': { base_version: 'v1-fake0001', edits: [{ table: 'resources', updates: [{ index: 0, cells: { cost_per_hour: '46' } }], inserts: [], deletes: [] }] },
  'workbook:preview': { kind: 'csv', name: 'plant', files: [{ name: 'resources.csv', base64: 'cmVzb3VyY2VfaWQK' }] },
  'workbook:choose': { kind: 'xlsx' },
  'workbook:apply': { token: 'abc' },
  'workbook:download': { what: 'template', format: 'csv' },
  'workbook:save': { what: 'tables', format: 'xlsx' },
  'capacity:picture': {},
  'capacity:holders': { resource_id: 'LINE-1', from: '2026-03-02', to: '2026-03-08' },
  'history:list': { table: 'resources', key: 'LINE' },
  'risk:list': undefined,
  'risk:count': undefined,
  'risk:recheck': { id: 'P-000001', lines: [{ sku: 'PUMP-100', qty: 5, requested_date: '2026-03-20', unit_price: '120' }] },
  'risk:repromise': { id: 'P-000001', lines: [{ sku: 'PUMP-100', qty: 5, requested_date: '2026-03-20', unit_price: '120' }] },
  'risk:cancel': { id: 'P-000001' },
  ...PROMISE_GOOD,
  'connection:get': undefined,
  'connection:set': { mode: 'local' },
};

/** Dispatch as the app does, answered by the fakes' handlers. */
const viaFakes = (channel: unknown, payload: unknown, ctx: FakeContext = fakeContext()) => dispatch(channel, payload, ctx, ctx.fakes);

function spyHandlers(): Handlers {
  const spies = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(handlers[c])]));
  return spies as unknown as Handlers;
}

describe('the contract', () => {
  it('names every channel domain:verb, once', () => {
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+:[a-z]+$/);
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS.flatMap((c) => MALFORMED[c].map((m) => [c, m] as const)))('%s refuses %j', async (channel, { payload, path }) => {
    const h = spyHandlers();
    const r = await dispatch(channel, payload, fakeContext(), h);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad_input');
    expect(r.error.message).toContain(channel);
    expect(r.error.issues?.map((i) => i.path)).toContain(path);
    expect(h[channel]).not.toHaveBeenCalled();
  });

  it('leaves where the data is to the desktop app (main/team-client/desktop-connection.ts)', async () => {
    for (const channel of ['connection:get', 'connection:set'] as const) {
      const r = await viaFakes(channel, GOOD[channel], fakeContext());
      expect(!r.ok && r.error.code).toBe('unavailable');
    }
  });

  it.each(CHANNELS.filter((c) => !c.startsWith('connection:')))('%s answers a good payload with a value its output schema accepts', async (channel) => {
    const r = await viaFakes(channel, GOOD[channel], fakeContext());
    expect(r).toMatchObject({ ok: true });
    expect(resultSchema(channel).safeParse(r).success).toBe(true);
    if (r.ok) expect(contract[channel].output.safeParse(r.value).success).toBe(true);
  });

  it('refuses a channel that is not in the contract', async () => {
    for (const name of ['db:exec', 'constructor', '__proto__', 'toString', 42]) {
      const r = await viaFakes(name, {}, fakeContext());
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('returns request field errors as invalid_request with their paths', async () => {
    const r = await viaFakes('check:run', { request: { customer: 7, region: 'XX', lines: [{ sku: 'NOPE', qty: 2.5, requested_date: '2026-01-01', unit_price: '1' }] } }, fakeContext());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_request');
    const paths = r.error.issues!.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['customer', 'lines[0].qty']));
  });

  it('passes typed handler errors through and hides anything else', async () => {
    const ctx = fakeContext();
    const failing = { ...handlers, 'app:info': () => { throw new Error('secret /home/x at Object.<anonymous> (file.ts:1:1)'); } } as Handlers;
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await dispatch('app:info', undefined, ctx, failing);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(r)).not.toMatch(/secret|anonymous|file\.ts/);
    expect(log).toHaveBeenCalled();
    log.mockRestore();

    const notFound = await viaFakes('capacity:around', { resource_ids: ['OVEN'], from: '2026-03-02', to: '2026-03-03' }, ctx);
    expect(notFound).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no resource OVEN.' } });
    expect(new HandlerError('unavailable', 'x').code).toBe('unavailable');
  });

  it('defaults the as-of date to the backend\'s today', async () => {
    const backend = fakeBackend();
    const spy = vi.spyOn(backend, 'check');
    await viaFakes('check:run', GOOD['check:run'], fakeContext(backend));
    expect(spy).toHaveBeenCalledWith(expect.anything(), FAKE_AS_OF);
    await viaFakes('check:run', { ...(GOOD['check:run'] as object), asOf: '2026-03-05' }, fakeContext(backend));
    expect(spy).toHaveBeenLastCalledWith(expect.anything(), '2026-03-05');
  });

  it('writes issue paths the way the engine does', () => {
    expect(issuePath(['lines', 0, 'sku'])).toBe('lines[0].sku');
    expect(issuePath(['customer'])).toBe('customer');
    expect(issuePath([])).toBe('');
  });
});
