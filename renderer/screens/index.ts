/**
 * The app's screens, in navigation order. A new screen is one entry here (and its file in
 * screens/). Planned, in this order after Check: Promises, Approvals, Tables, Capacity, History,
 * At risk, Users, Verify.
 */
import type { ComponentType } from 'react';
import { CheckScreen } from './check-screen';

export interface Screen {
  id: string;
  label: string;
  Component: ComponentType;
}

export const SCREENS: readonly Screen[] = [{ id: 'check', label: 'Check', Component: CheckScreen }];
