/**
 * The Tables screen's data: the loaded tables (one data version), the unsaved edits with their
 * undo stack, and every problem the edits cause, worked out by the same `applyEdits` the main
 * process runs when saving. Validation waits for the person to pause (deferred), so typing in a
 * table of 100,000 rows stays quick.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import type { ChangeSetView, RiskImpactView, SaveAnswer } from '../../../shared/contract-operations';
import { changesRisk } from '../../components/risk-impact';
import { applyEdits } from '../../../shared/edits/apply-edits';
import { notifyDataChanged } from '../../data-events';
import { useApi } from '../../hooks/use-api';
import { noticeSessionEnd } from '../../hooks/use-session';
import { EMPTY_EDITS, editCount, placeIssues, toContractEdits, type EditState, type PlacedIssue } from './edit-state';
import { fromContract, type Loaded } from './loaded-tables';
import { record, redo, startStack, undo } from './undo-stack';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'checking-impact' }
  /** What the save would do to open promises, shown before it is made: save anyway, or go back. */
  | { kind: 'impact'; impact: RiskImpactView }
  | { kind: 'saving' }
  | { kind: 'saved'; change: ChangeSetView; revalidated: number; atRisk: string[] }
  | { kind: 'refused'; message: string }
  | { kind: 'error'; error: AppError };

export function useTableEdits() {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(true);
  // The edits with their undo and redo steps: each change the person makes is one step.
  const [stack, setStack] = useState(() => startStack<EditState>(EMPTY_EDITS));
  const edits = stack.present;
  const [serverIssues, setServerIssues] = useState<PlacedIssue[]>([]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  /** Reads the tables; the caller shows them (with `show`) together with whatever else changes. */
  const fetchTables = useCallback(async () => {
    setLoading(true);
    return api.call('tables:load');
  }, [api]);
  const show = useCallback((r: Awaited<ReturnType<typeof fetchTables>>) => {
    setLoading(false);
    if (!r.ok) {
      noticeSessionEnd(r.error);
      return setLoadError(r.error);
    }
    setLoadError(null);
    setLoaded((before) => fromContract(r.value, before));
  }, []);
  const load = useCallback(async () => show(await fetchTables()), [fetchTables, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const change = useCallback((f: (s: EditState) => EditState) => {
    setStack((st) => record(st, f(st.present)));
    setServerIssues([]);
    setSave((s) => (s.kind === 'saving' || s.kind === 'checking-impact' ? s : { kind: 'idle' }));
  }, []);

  const undoLast = useCallback(() => {
    setStack(undo);
    setServerIssues([]);
  }, []);

  const redoNext = useCallback(() => {
    setStack(redo);
    setServerIssues([]);
  }, []);

  // Discarding is a step too: Undo brings the edits back.
  const discard = useCallback(() => {
    setStack((st) => record(st, EMPTY_EDITS));
    setServerIssues([]);
  }, []);

  const deferred = useDeferredValue(edits);
  const issues = useMemo((): PlacedIssue[] => {
    if (!loaded || editCount(deferred) === 0) return [];
    const { edits: e, insertIds } = toContractEdits(deferred);
    const r = applyEdits(loaded.workbook, e);
    return r.ok ? [] : placeIssues(r.issues, insertIds);
  }, [loaded, deferred]);
  const checking = deferred !== edits;
  const allIssues = serverIssues.length ? serverIssues : issues;

  /** Saves for good (after the impact was shown, or when it changes no promise's risk). */
  const commit = useCallback(async () => {
    if (!loaded) return;
    const { edits: e, insertIds } = toContractEdits(edits);
    if (e.length === 0) return;
    setSave({ kind: 'saving' });
    const r = await api.call('tables:save', { base_version: loaded.dataVersion, edits: e });
    if (!r.ok) {
      noticeSessionEnd(r.error);
      return setSave({ kind: 'error', error: r.error });
    }
    const a: SaveAnswer = r.value;
    if (!a.saved) {
      if (a.reason === 'invalid') setServerIssues(placeIssues(a.issues, insertIds));
      return setSave({ kind: 'refused', message: a.message });
    }
    // The saved tables are read before the edits are cleared, and both shown in one render:
    // clearing them first re-rendered the whole old table (100,000 rows) while the new one loaded.
    const next = await fetchTables();
    setStack(startStack<EditState>(EMPTY_EDITS));
    setServerIssues([]);
    show(next);
    setSave({ kind: 'saved', change: a.change, revalidated: a.revalidated, atRisk: a.at_risk });
    notifyDataChanged();
  }, [api, edits, loaded, fetchTables, show]);

  /** First what the save would do to open promises; it saves at once only when no promise's risk changes. */
  const saveAll = useCallback(async () => {
    if (!loaded) return;
    const { edits: e, insertIds } = toContractEdits(edits);
    if (e.length === 0) return;
    setSave({ kind: 'checking-impact' });
    const r = await api.call('tables:impact', { base_version: loaded.dataVersion, edits: e });
    if (!r.ok) {
      noticeSessionEnd(r.error);
      return setSave({ kind: 'error', error: r.error });
    }
    const a = r.value;
    if (!a.ok) {
      if (a.reason === 'invalid') setServerIssues(placeIssues(a.issues, insertIds));
      return setSave({ kind: 'refused', message: a.message });
    }
    if (changesRisk(a.impact)) return setSave({ kind: 'impact', impact: a.impact });
    await commit();
  }, [api, edits, loaded, commit]);

  /** Back to editing from the impact: the edits stay as they are. */
  const goBack = useCallback(() => setSave({ kind: 'idle' }), []);

  return { loaded, loadError, loading, reload: load, edits, change, undo: undoLast, canUndo: stack.past.length > 0, redo: redoNext, canRedo: stack.future.length > 0, discard, issues: allIssues, checking, save, saveAll, commit, goBack };
}
