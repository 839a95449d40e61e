/** `promises [--db FILE] [--status S] [--at-risk] [--json]`: lists promises with their status. */
import { PROMISE_STATUSES, type PromiseStatus } from '../db/store';
import { parseCommand, usageError } from './args';
import { withService } from './open-store';
import { JSON_OPTION, STORE_OPTIONS } from './options';
import { out, outJson } from './output';
import { timesForPeople } from './times';

export const spec = {
  usage: 'promises [options]',
  about: 'Lists promises with their status, newest last; those at risk with their reasons.',
  positionals: [],
  options: {
    ...STORE_OPTIONS,
    status: { type: 'string', value: 'STATUS', help: `only promises with this status (${PROMISE_STATUSES.join(', ')})` },
    'at-risk': { type: 'boolean', help: 'only promises at risk' },
    ...JSON_OPTION,
  },
} as const;

export async function run(argv: readonly string[]): Promise<number> {
  const { values } = parseCommand(argv, spec);
  const status = values.status;
  if (status !== undefined && !(PROMISE_STATUSES as readonly string[]).includes(status))
    throw usageError(spec, `--status must be one of ${PROMISE_STATUSES.join(', ')}, got ${JSON.stringify(status)}`);
  return withService(values, async (service) => {
    const list = await service.listPromises({
      ...(status ? { status: status as PromiseStatus } : {}),
      ...(values['at-risk'] ? { atRisk: true } : {}),
    });
    if (values.json) {
      outJson(list.map((p) => ({ id: p.id, status: p.status, at_risk: p.atRisk, reasons: p.riskReasons.map((r) => ({ code: r.code, message: r.message })), customer: p.customer, created_at: p.createdAt })));
      return 0;
    }
    if (list.length === 0) {
      out('No promises.');
      return 0;
    }
    for (const p of list) {
      out(`${p.id}  ${p.status.padEnd(17)} ${p.atRisk ? 'AT RISK ' : '        '} ${timesForPeople(p.createdAt)}  ${p.customer} (${p.region}, ${p.mode})`);
      for (const r of p.riskReasons) out(`    ${r.code}: ${r.message}`);
    }
    return 0;
  }, { readOnly: true });
}
