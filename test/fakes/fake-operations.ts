/**
 * A fake operations port for contract and screen tests: canned answers that the output schemas
 * accept, and a log of what was asked. Screen tests that need real behaviour use the real services.
 */
import type { Output, ParsedInput } from '../../shared/contract';
import type { OperationsBackend, OpsChannel } from './fake-ports';
import { HandlerError } from '../../main/handlers/errors';
/** As fake-backend.ts's FAKE_AS_OF (not imported: fake-backend imports this file). */
const FAKE_AS_OF = '2026-03-02';

const RESULT = {
  as_of: FAKE_AS_OF,
  data_version: 'v1-fake0001',
  currency: 'EUR',
  customer: 'Acme',
  region: 'DE',
  mode: 'standard',
  status: 'not_feasible',
  lines: [],
  warnings: [],
} as unknown as Output<'risk:recheck'>;

const CHANGE = { id: 2, kind: 'edit' as const, at: '2026-03-02T10:00:00.000Z', user: 'local', source: 'edit of resources (1 row)', data_version: 'v2-fake0002', added: 0, changed: 1, removed: 0 };

export const FAKE_ANSWERS: { [C in OpsChannel]: (input: ParsedInput<C>) => Output<C> } = {
  'tables:load': () => ({
    data_version: 'v1-fake0001',
    tables: {
      calendars: [['WD8', '8', '8', '8', '8', '8', '0', '0']],
      resources: [['LINE-1', 'Assembly line 1', 'WD8', '45', null, null]],
    },
  }),
  'tables:impact': () => ({ ok: true, impact: { open: 0, become_at_risk: [], stop_at_risk: [], stay_at_risk: 0 } }),
  'tables:save': () => ({ saved: true, change: CHANGE, revalidated: 0, at_risk: [] }),
  'workbook:preview': () => ({ ok: false, issues: [{ file: 'resources.csv', line: 2, column: 'cost_per_hour', reason: 'must be a non-negative number, got "-1"' }] }),
  'workbook:choose': () => null,
  'workbook:apply': () => ({ data_version: 'v3-fake0003', revalidated: 0, at_risk: [] }),
  'workbook:download': (i) =>
    i.format === 'xlsx' ? { kind: 'xlsx', name: 'promise-desk.xlsx', base64: '' } : { kind: 'csv', name: 'promise-desk', files: [{ name: 'calendars.csv', text: 'calendar_id\r\n' }] },
  'workbook:save': () => null,
  'capacity:picture': () => ({
    as_of: FAKE_AS_OF,
    data_version: 'v1-fake0001',
    dates: [FAKE_AS_OF],
    resources: [{ resource_id: 'LINE-1', name: 'Assembly line 1', calendar_id: 'WD8', calendar_e4: [80000], load_e4: [20000], held_regular_e4: [10000], held_overtime_e4: [0], overtime_e4: [20000] }],
    exceptions: [],
  }),
  'capacity:holders': () => [],
  'history:list': () => ({ entries: [], users: ['local'], changes: [CHANGE] }),
  'undo:preview': () => ({ ok: false, reason: 'not_found', message: 'There is no change #9.', problems: [] }),
  'undo:apply': () => ({ ok: false, reason: 'not_found', message: 'There is no change #9.', problems: [] }),
  'risk:list': () => [],
  'risk:count': () => ({ count: 0 }),
  'risk:recheck': () => RESULT,
  'risk:repromise': () => ({ confirmed: false, result: RESULT, issues: [], message: 'It still does not fit.' }),
  'risk:cancel': (i) => {
    if (i.id === 'P-404') throw new HandlerError('not_found', 'Promise P-404 does not exist.');
    return { id: i.id, status: 'cancelled' };
  },
};

export function fakeOperations(overrides: Partial<typeof FAKE_ANSWERS> = {}): OperationsBackend & { calls: { channel: OpsChannel; input: unknown }[] } {
  const calls: { channel: OpsChannel; input: unknown }[] = [];
  const answers = { ...FAKE_ANSWERS, ...overrides } as Record<OpsChannel, (input: unknown) => unknown>;
  return {
    calls,
    async run(channel, input) {
      calls.push({ channel, input });
      return answers[channel](input) as never;
    },
  };
}
