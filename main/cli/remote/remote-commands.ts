/**
 * The commands through a team server: the same arguments (`--server` and `--fingerprint` in
 * place of `--db`), the same output and exit codes as against a local database, each one calling
 * the contract's channels as the signed-in user. `workbook-template` and `demo-workbook` touch no
 * database and run locally.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PromiseAnswer } from '../../../shared/contract-promises';
import type { CheckResult } from '../../../shared/schemas/check';
import { PROMISE_STATUSES } from '../../db/store';
import { formatIssue } from '../../workbook/issues';
import { InputError, parseCommand, UsageError } from '../args';
import { noPlantMessage } from '../check';
import { formatCheck } from '../format-check';
import { timesForPeople } from '../times';
import { err, out, outJson } from '../output';
import { readRequestFile, requestIssueLines } from '../request-file';
import { withServer, type RemoteDesk } from './team-session';

const SERVER = {
  server: { type: 'string', value: 'URL', help: 'the team server (or PROMISE_SERVER)' },
  fingerprint: { type: 'string', value: 'SHA256', help: "a self-signed certificate's fingerprint (or PROMISE_SERVER_FINGERPRINT)" },
  user: { type: 'string', value: 'NAME', help: 'who signs in (the passphrase from PROMISE_PASSPHRASE or the terminal)' },
} as const;
type Run = (argv: readonly string[]) => Promise<number>;

function usage(u: string) {
  return `${u} --server URL [--fingerprint SHA256] --user NAME`;
}

/** A check that could not run: its field problems, one per line, or the missing plant. */
function checkFailure(e: { code: string; message: string; issues?: { path: string; message: string }[] | undefined }, file: string, where: string): never {
  if (e.code === 'invalid_request' && e.issues) throw new InputError(requestIssueLines(file, e.issues).join('\n'));
  if (e.code === 'unavailable' && /no operations tables/.test(e.message)) throw new InputError(noPlantMessage(where));
  throw new InputError(e.message);
}

const check: Run = async (argv) => {
  const spec = { about: 'Through a team server.', usage: usage('check <request.json> [--as-of YYYY-MM-DD] [--json]'), positionals: ['the request file'], options: { ...SERVER, 'as-of': { type: 'string', help: '' }, json: { type: 'boolean', help: '' } } } as const;
  const { positionals, values } = parseCommand(argv, spec);
  const file = positionals[0]!;
  const request = readRequestFile(file);
  return withServer(values, async (desk, where) => {
    const r = await desk.call('check:run', { request, ...(values['as-of'] ? { asOf: values['as-of'] } : {}) });
    if (!r.ok) checkFailure(r.error, file, where);
    out(values.json ? JSON.stringify(r.value, null, 2) : formatCheck(r.value));
    return 0;
  });
};

function record(name: 'confirm' | 'submit'): Run {
  return async (argv) => {
    const spec = { about: 'Through a team server.', usage: usage(`${name} <request.json> [--as-of YYYY-MM-DD] [--json]`), positionals: ['the request file'], options: { ...SERVER, 'as-of': { type: 'string', help: '' }, json: { type: 'boolean', help: '' } } } as const;
    const { positionals, values } = parseCommand(argv, spec);
    const file = positionals[0]!;
    const request = readRequestFile(file);
    return withServer(values, async (desk, where) => {
      const a: PromiseAnswer = await desk.value(`promises:${name}`, { request, ...(values['as-of'] ? { asOf: values['as-of'] } : {}) });
      if (a.done) {
        if (values.json) outJson({ ...(a.result as CheckResult), promise_id: a.id });
        else out(a.message);
        return 0;
      }
      if (a.kind === 'request') checkFailure({ code: 'invalid_request', message: a.message, issues: a.issues ?? [] }, file, where);
      if (a.kind === 'no_plant') throw new InputError(noPlantMessage(where));
      if (!a.result) throw new InputError(a.message);
      if (values.json) outJson({ ...a.result, promise_id: null });
      err(a.message);
      return 1;
    });
  };
}

function move(name: 'approve' | 'reject' | 'cancel' | 'fulfil'): Run {
  return async (argv) => {
    const spec = { about: 'Through a team server.', usage: usage(`${name} <promise id> ${name === 'reject' ? '--comment TEXT' : '[--comment TEXT]'}`), positionals: ['the promise id'], options: { ...SERVER, comment: { type: 'string', help: '' } } } as const;
    const { positionals, values } = parseCommand(argv, spec);
    if (name === 'reject' && !values.comment) throw new UsageError(`--comment TEXT is required\nusage: ${spec.usage}`);
    return withServer(values, async (desk) => {
      const a = await desk.value(`promises:${name}`, { id: positionals[0]!, ...(values.comment ? { comment: values.comment } : {}) });
      if (!a.done) {
        err(a.message);
        return 1;
      }
      out(a.message);
      return 0;
    });
  };
}

const promises: Run = async (argv) => {
  const spec = { about: 'Through a team server.', usage: usage('promises [--status STATUS] [--at-risk] [--json]'), positionals: [], options: { ...SERVER, status: { type: 'string', help: '' }, 'at-risk': { type: 'boolean', help: '' }, json: { type: 'boolean', help: '' } } } as const;
  const { values } = parseCommand(argv, spec);
  const status = values.status;
  if (status !== undefined && !(PROMISE_STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status must be one of ${PROMISE_STATUSES.join(', ')}, got ${JSON.stringify(status)}\nusage: ${spec.usage}`);
  return withServer(values, async (desk) => {
    const list = (await desk.value('promises:list', { ...(status ? { status: status as never } : {}), ...(values['at-risk'] ? { at_risk: true } : {}), limit: 1000 })).promises;
    // The local listing is oldest first.
    list.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    if (values.json) {
      outJson(list.map((p) => ({ id: p.id, status: p.status, at_risk: p.at_risk, reasons: p.risk_reasons.map((r) => ({ code: r.code, message: r.message })), customer: p.customer, created_at: p.created_at })));
      return 0;
    }
    if (list.length === 0) out('No promises.');
    for (const p of list) {
      out(`${p.id}  ${p.status.padEnd(17)} ${p.at_risk ? 'AT RISK ' : '        '} ${timesForPeople(p.created_at)}  ${p.customer} (${p.region}, ${p.mode})`);
      for (const r of p.risk_reasons) out(`    ${r.code}: ${r.message}`);
    }
    return 0;
  });
};

const exportSummary: Run = async (argv) => {
  const spec = { about: 'Through a team server.', usage: usage('export <promise id> --format pdf|json --copy customer|internal --out FILE'), positionals: ['the promise id'], options: { ...SERVER, format: { type: 'string', help: '' }, copy: { type: 'string', help: '' }, out: { type: 'string', help: '' } } } as const;
  const { positionals, values } = parseCommand(argv, spec);
  const { format, copy, out: file } = values;
  if (format !== 'pdf' && format !== 'json') throw new UsageError(`--format must be pdf or json\nusage: ${spec.usage}`);
  if (copy !== 'customer' && copy !== 'internal') throw new UsageError(`--copy must be customer or internal\nusage: ${spec.usage}`);
  if (!file) throw new UsageError(`--out FILE is required\nusage: ${spec.usage}`);
  return withServer(values, async (desk) => {
    const r = await desk.call('summary:export', { id: positionals[0]!, copy, format });
    if (!r.ok) {
      err(r.error.message);
      return 1;
    }
    try {
      writeFileSync(file, Buffer.from(r.value.base64, 'base64'));
    } catch (e) {
      throw new InputError(`Cannot write ${file}: ${(e as Error).message}`);
    }
    out(`Wrote the ${copy} copy of ${positionals[0]} to ${file}.`);
    return 0;
  });
};

const verify: Run = async (argv) => {
  const spec = { about: 'Through a team server.', usage: usage('verify <file.pdf|file.json>'), positionals: ['the summary file'], options: SERVER } as const;
  const { positionals, values } = parseCommand(argv, spec);
  let bytes: Buffer;
  try {
    bytes = readFileSync(positionals[0]!);
  } catch (e) {
    throw new InputError(`Cannot read ${positionals[0]}: ${(e as Error).message}`);
  }
  return withServer(values, async (desk) => {
    const v = await desk.value('summary:verify', { base64: bytes.toString('base64') });
    (v.intact ? out : err)(v.message);
    return v.intact ? 0 : 1;
  });
};

/** A CSV folder or an .xlsx file as the window uploads it. */
function upload(path: string) {
  let dir = false;
  try {
    dir = statSync(path).isDirectory();
  } catch (e) {
    throw new InputError(`Cannot read ${path}: ${(e as Error).message}`);
  }
  if (!dir) return { kind: 'xlsx' as const, name: basename(path), base64: readFileSync(path).toString('base64') };
  const files = readdirSync(path).filter((f) => f.toLowerCase().endsWith('.csv'));
  if (files.length === 0) throw new InputError(`${path} has no CSV files.`);
  return { kind: 'csv' as const, name: basename(path), files: files.map((f) => ({ name: f, base64: readFileSync(join(path, f)).toString('base64') })) };
}

const importWorkbook: Run = async (argv) => {
  const spec = { about: 'Through a team server.', usage: usage('import <folder|file.xlsx> [--as-of YYYY-MM-DD]'), positionals: ['the workbook (a folder of CSV files or an .xlsx file)'], options: { ...SERVER, 'as-of': { type: 'string', help: '' } } } as const;
  const { positionals, values } = parseCommand(argv, spec);
  const body = upload(positionals[0]!);
  return withServer(values, async (desk, where) => {
    const p = await desk.value('workbook:preview', body);
    if (!p.ok) {
      const n = p.issues.length;
      throw new InputError([...p.issues.map(formatIssue), `The workbook was not imported (${n} ${n === 1 ? 'problem' : 'problems'}); the database is unchanged.`].join('\n'));
    }
    const o = await desk.value('workbook:apply', { token: p.token, ...(values['as-of'] ? { asOf: values['as-of'] } : {}) });
    out(`Imported ${p.source} (${p.format === 'csv' ? 'CSV folder' : '.xlsx'}): ${p.row_count} rows into ${where}; data version ${o.data_version}.`);
    if (o.revalidated) out(`Open promises checked again: ${o.revalidated}; at risk: ${o.at_risk.length ? o.at_risk.join(', ') : 'none'}.`);
    return 0;
  });
};

const exportWorkbook: Run = async (argv) => {
  const spec = { about: 'Through a team server.', usage: usage('export-workbook <folder|file.xlsx>'), positionals: ['the folder or .xlsx file to write'], options: SERVER } as const;
  const { positionals, values } = parseCommand(argv, spec);
  const target = positionals[0]!;
  const format = target.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  return withServer(values, async (desk) => {
    const { version, files } = await writeDownload(desk, target, format);
    out(`Wrote the tables of data version ${version} to ${target} (${format === 'csv' ? `${files} CSV files` : '.xlsx'}).`);
    return 0;
  });
};

async function writeDownload(desk: RemoteDesk, target: string, format: 'xlsx' | 'csv'): Promise<{ version: string; files: number }> {
  const version = (await desk.value('tables:load')).data_version;
  const d = await desk.value('workbook:download', { what: 'tables', format });
  if (d.kind === 'xlsx') {
    writeFileSync(target, Buffer.from(d.base64, 'base64'));
    return { version, files: 1 };
  }
  mkdirSync(target, { recursive: true });
  for (const f of d.files) writeFileSync(join(target, f.name), f.text);
  return { version, files: d.files.length };
}

export const REMOTE_COMMANDS: Record<string, Run> = {
  check,
  confirm: record('confirm'),
  submit: record('submit'),
  approve: move('approve'),
  reject: move('reject'),
  cancel: move('cancel'),
  fulfil: move('fulfil'),
  promises,
  export: exportSummary,
  verify,
  import: importWorkbook,
  'export-workbook': exportWorkbook,
  users: async (argv) => (await import('./remote-users')).run(argv),
};
