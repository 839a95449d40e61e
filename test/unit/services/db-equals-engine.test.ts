/**
 * A check through the database (CSV import, stored tables and holds read back, the service's
 * cached model following the hold log) gives exactly what the pure engine gives on the same
 * workbook read straight from the files: on every worked example, confirms included.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../main/db/sqlite-store';
import { CheckService } from '../../../main/services/check-service';
import { revalidator } from '../../../main/services/revalidator';
import { readWorkbook } from '../../../main/workbook/read-workbook';
import { addHolds, buildModel, runCheck, validateRequest } from '../../../shared/engine';
import { EXAMPLES, readExample } from '../../support/example-workbook';
import { confirmAs } from '../../support/confirm';
import { tempDbPath, tempDir } from '../db/temp-db';

const dir = tempDir();
const names = readdirSync(EXAMPLES).filter((n) => /^\d\d-/.test(n)).sort();

describe('a check through the database equals the engine on the same workbook', () => {
  for (const name of names) {
    it(name, async () => {
      const { workbook, request, expected, confirms } = readExample(name);
      const asOf: string = expected.as_of;
      const read = await readWorkbook(join(EXAMPLES, name, 'workbook'));
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const store = SqliteStore.open(tempDbPath(dir));
      try {
        await store.importWorkbook(read.workbook, { source: name, sha256: read.sha256, user: 't' }, revalidator(asOf));
        const service = new CheckService(store, { now: () => new Date(`${asOf}T08:00:00Z`) });
        const model = buildModel(workbook, { asOf, dataVersion: 'engine' });
        for (const c of confirms) {
          await confirmAs(service, c, asOf);
          const v = validateRequest(model, c);
          if (!v.ok) continue;
          const { result, holds } = runCheck(model, v.value);
          if (result.status === 'ok') addHolds(model, holds);
        }
        const viaDb = await service.check(request, asOf);
        const v = validateRequest(model, request);
        if (!v.ok) {
          expect(viaDb).toMatchObject({ ok: false, kind: 'request', issues: v.issues });
          return;
        }
        if (!viaDb.ok) throw new Error(JSON.stringify(viaDb));
        const direct = runCheck(model, v.value);
        expect({ ...viaDb.result, data_version: 'engine' }).toEqual(direct.result);
        expect(viaDb.holds).toEqual(direct.holds);
      } finally {
        await store.close();
      }
    });
  }
});
