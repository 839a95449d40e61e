/**
 * What a handler gets besides its parsed input: the desk's services (main/desk/), the session
 * whose user acts, the desktop app's dialogs where there are any, and what `app:info` shows.
 * A handler calls a service of the desk in a line or two; it never reaches the store underneath.
 */
import type { Channel, Output, ParsedInput } from '../../shared/contract';
import type { ActorRef } from '../access/authorize';
import type { Desk } from '../desk/open-desk';
import type { DeskSession } from '../session/desk-session';

/** The desktop app's file dialogs (main/shell/workbook-dialogs.ts); null when cancelled. */
export interface WorkbookDialogs {
  chooseWorkbook(kind: 'xlsx' | 'csv'): Promise<string | null>;
  chooseExportTarget(format: 'xlsx' | 'csv', suggestedName: string): Promise<string | null>;
}

/** The desktop app's save dialog for summaries (main/shell/summary-dialogs.ts); null when cancelled. */
export interface SummaryDialogs {
  chooseSummaryTarget(suggestedName: string, format: 'pdf' | 'json'): Promise<string | null>;
}

export interface HandlerContext {
  desk: Desk;
  /** The signed-in user of this window, preview run or team sign-in. */
  session: DeskSession;
  /** Who makes a change of the tables: the session's user, or `local` in single-user mode. */
  actor(): Promise<ActorRef>;
  /** Only the desktop app has them. */
  dialogs?: { workbook?: WorkbookDialogs; summary?: SummaryDialogs };
  app: { name: string; version: string; runtime: 'electron' | 'web' | 'team'; database: string };
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: HandlerContext) => Output<C> | Promise<Output<C>>;

/** A domain's part of the handler map: one handler per channel of its contract. */
export type HandlersOf<K extends Channel> = { [C in K]: Handler<C> };
