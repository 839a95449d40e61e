/**
 * The app's screens, in navigation order. A new screen is one entry here (and its file in
 * screens/). Planned, in this order after Check: Promises, Approvals, Tables, Capacity, History,
 * At risk, Users, Verify.
 */
import type { ComponentType } from 'react';
import { CheckScreen } from './check-screen';
import { AtRiskBadge } from './at-risk/at-risk-badge';
import { AtRiskScreen } from './at-risk/at-risk-screen';
import { CapacityScreen } from './capacity/capacity-screen';
import { HistoryScreen } from './history/history-screen';
import { TablesScreen } from './tables/tables-screen';
import { WorkbookScreen } from './workbook/workbook-screen';

export interface Screen {
  id: string;
  label: string;
  Component: ComponentType;
  /** Shown beside the label in the navigation (a count that needs attention). */
  Badge?: ComponentType;
}

export const SCREENS: readonly Screen[] = [
  { id: 'check', label: 'Check', Component: CheckScreen },
  { id: 'tables', label: 'Tables', Component: TablesScreen },
  { id: 'workbook', label: 'Import & export', Component: WorkbookScreen },
  { id: 'capacity', label: 'Capacity', Component: CapacityScreen },
  { id: 'history', label: 'History', Component: HistoryScreen },
  { id: 'at-risk', label: 'At risk', Component: AtRiskScreen, Badge: AtRiskBadge },
];
