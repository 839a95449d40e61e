import { defineBench } from '../registry';
import { round } from '../stats';
import { measureTeamServer, type CpuUse } from './team-server';

/** "machine CPU 9.6 ms a confirm (…)": the sellers, both instances and PostgreSQL share this machine's cores. */
function cpuNote(u: CpuUse, confirms: number): string {
  const per = (ms: number) => round(ms / Math.max(1, confirms));
  return `machine CPU ${per(u.machineMs)} ms a confirm (sellers and instances ${per(u.processMs)}, PostgreSQL and the rest ${per(u.machineMs - u.processMs)}), ${u.cores} cores ${Math.round((100 * u.machineMs) / (u.wallMs * u.cores))}% busy`;
}

/** Through the team server (HTTP, two instances, PostgreSQL): checks, confirms, throughput, follow. */
export const teamServer = defineBench({
  name: 'team-server',
  description: 'checks and confirms through two team server instances on one PostgreSQL',
  alone: true,
  async run(ctx) {
    const r = await measureTeamServer({ quick: ctx.quick, log: ctx.log });
    return [
      { name: 'team_check_p95_ms', value: round(r.checkP95), target: '< 15', met: r.checkP95 < 15, note: '10-line checks through the server, one seller' },
      { name: 'team_confirm_p95_ms', value: round(r.confirmP95), target: '< 50', met: r.confirmP95 < 50, note: `${r.confirms6} confirms by 6 sellers at once on different resources, two instances; p50 ${round(r.confirmP50)} ms; ${cpuNote(r.cpu6, r.confirms6)}` },
      { name: 'team_confirms_per_s_50', value: round(r.confirmsPerS50), target: '>= 150', met: r.confirmsPerS50 >= 150, note: `${r.confirms50} confirms by 50 sellers at once, two instances; ${cpuNote(r.cpu50, r.confirms50)}` },
      { name: 'team_follow_p95_ms', value: round(r.followP95), target: '< 50', met: r.followP95 < 50, note: "from the seller's answer to another process's hold follower" },
    ];
  },
});
