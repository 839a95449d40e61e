import { defineBench } from '../registry';
import { round } from '../stats';
import { measureTeamServer } from './team-server';

/** Through the team server (HTTP, two instances, PostgreSQL): checks, confirms, throughput, follow. */
export const teamServer = defineBench({
  name: 'team-server',
  description: 'checks and confirms through two team server instances on one PostgreSQL',
  async run(ctx) {
    const r = await measureTeamServer({ quick: ctx.quick, log: ctx.log });
    return [
      { name: 'team_check_p95_ms', value: round(r.checkP95), target: '< 15', met: r.checkP95 < 15, note: '10-line checks through the server, one seller' },
      { name: 'team_confirm_p95_ms', value: round(r.confirmP95), target: '< 50', met: r.confirmP95 < 50, note: `${r.confirms6} confirms by 6 sellers at once on different resources, two instances; p50 ${round(r.confirmP50)} ms` },
      { name: 'team_confirms_per_s_50', value: round(r.confirmsPerS50), target: '>= 150', met: r.confirmsPerS50 >= 150, note: `${r.confirms50} confirms by 50 sellers at once, two instances` },
      { name: 'team_follow_p95_ms', value: round(r.followP95), target: '< 50', met: r.followP95 < 50, note: "from the seller's answer to another process's hold follower" },
    ];
  },
});
