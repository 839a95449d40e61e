/**
 * `confirm <request.json> [--db FILE] [--as-of YYYY-MM-DD] [--json] [--user NAME]`: checks, and when
 * the status is `ok` records the promise, what it holds and its signed summaries, and prints its id;
 * otherwise exit 1 with the status and reasons on stderr (with --json the check's JSON is printed
 * all the same, `promise_id` null). Once users exist, `--user` and the passphrase are required.
 */
import { recordCommand } from './record-command';

export const { spec, run } = recordCommand('confirm');
