/**
 * The app's screens, in navigation order. A new screen is one entry here (and its file in
 * screens/). Its id is its address (`#/<id>[/<param>]`, see navigation.ts).
 */
import type { ComponentType } from 'react';
import type { SessionView } from '../../shared/contract-promises';
import { CheckScreen } from './check-screen';
import { ConnectionScreen } from './connection/connection-screen';
import { AtRiskBadge } from './at-risk/at-risk-badge';
import { AtRiskScreen } from './at-risk/at-risk-screen';
import { CapacityScreen } from './capacity/capacity-screen';
import { HelpScreen } from './help/help-screen';
import { HistoryScreen } from './history/history-screen';
import { ApprovalsBadge, ApprovalsScreen } from './promises/approvals-screen';
import { PromiseScreen } from './promises/promise-screen';
import { PromisesScreen } from './promises/promises-screen';
import { UsersScreen } from './promises/users-screen';
import { VerifyScreen } from './promises/verify-screen';
import { TablesScreen } from './tables/tables-screen';
import { WorkbookScreen } from './workbook/workbook-screen';

export interface Screen {
  id: string;
  label: string;
  Component: ComponentType;
  /** Shown beside the label in the navigation (a count that needs attention). */
  Badge?: ComponentType;
  /** Not in the navigation (reached by links), e.g. one promise's page… */
  hidden?: boolean;
  /** …and the navigation entry it belongs to. */
  under?: string;
  /** Who is offered it (the main process enforces the rules again). */
  visible?: (session: SessionView) => boolean;
  /** Usable without signing in (reading a verdict needs no user). */
  open?: boolean;
  /** Only in the desktop app (choosing where its data is). */
  desktop?: boolean;
}

export const SCREENS: readonly Screen[] = [
  { id: 'check', label: 'Check', Component: CheckScreen },
  { id: 'promises', label: 'Promises', Component: PromisesScreen },
  { id: 'promise', label: 'Promise', Component: PromiseScreen, hidden: true, under: 'promises' },
  { id: 'approvals', label: 'Approvals', Component: ApprovalsScreen, Badge: ApprovalsBadge, visible: (s) => s.may.approve_for.length > 0 },
  { id: 'tables', label: 'Tables', Component: TablesScreen },
  { id: 'workbook', label: 'Import & export', Component: WorkbookScreen },
  { id: 'capacity', label: 'Capacity', Component: CapacityScreen },
  { id: 'history', label: 'History', Component: HistoryScreen },
  { id: 'at-risk', label: 'At risk', Component: AtRiskScreen, Badge: AtRiskBadge },
  { id: 'users', label: 'Users', Component: UsersScreen, visible: (s) => s.may.administer_users },
  { id: 'verify', label: 'Verify', Component: VerifyScreen, open: true },
  { id: 'connection', label: 'Connection', Component: ConnectionScreen, open: true, desktop: true },
  { id: 'help', label: 'Help', Component: HelpScreen },
];
