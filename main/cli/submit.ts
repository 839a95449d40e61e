/**
 * `submit <request.json> [--db FILE] [--as-of YYYY-MM-DD] [--json] [--user NAME]`: for a check that
 * needs approval, holds what its plans use for `policy.hold_days` and asks operations and/or a
 * manager to approve; prints the promise id.
 */
import { recordCommand } from './record-command';

export const { spec, run } = recordCommand('submit');
