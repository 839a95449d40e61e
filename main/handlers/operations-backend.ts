/**
 * The operations workspace's port: what its handlers need from the main process, so that they
 * stay free of the database and tests can give them a fake. `operations-service-backend.ts`
 * implements it over the operations services. Every method that changes data resolves the actor
 * and passes the one `authorize` gate in the services; a refusal comes back as `forbidden`.
 */
import type { Output, ParsedInput } from '../../shared/contract';



type OpsChannel =
  | 'tables:load'
  | 'tables:impact'
  | 'tables:save'
  | 'workbook:preview'
  | 'workbook:choose'
  | 'workbook:apply'
  | 'workbook:download'
  | 'workbook:save'
  | 'capacity:picture'
  | 'capacity:holders'
  | 'history:list'
  | 'undo:preview'
  | 'undo:apply'
  | 'risk:list'
  | 'risk:count'
  | 'risk:recheck'
  | 'risk:repromise'
  | 'risk:cancel';

export interface OperationsBackend {
  /** Answers one of the operations channels (input already parsed by the contract). */
  run<C extends OpsChannel>(channel: C, input: ParsedInput<C>): Promise<Output<C>>;
}

export type { OpsChannel };
