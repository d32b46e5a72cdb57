import type { SimContext } from '../context.js';
import type { DispatchPlan } from '../fleet/plan.js';
import type { Fleet } from '../types.js';

export type PlanContext = Pick<SimContext, 'world' | 'rules' | 'settings' | 'now'>;

/** One mission's rules: its dispatch checks and what happens when the fleet gets there. */
export interface MissionDef {
  /** Whether the fleet normally flies back (a return time is announced at dispatch). */
  readonly returns: boolean;
  /** Target checks at dispatch, after the generic ones; throws a DomainError. */
  validate(ctx: PlanContext, plan: DispatchPlan): void;
  /** Side effects of a successful dispatch (e.g. warning the target). */
  dispatched?(ctx: SimContext, fleet: Fleet): void;
  /** The fleet reaches its target at `at` (= ctx.now of the arrival event). */
  arrive(ctx: SimContext, fleet: Fleet, at: number): void;
  /** The fleet's holding at the target ends at `at`. */
  hold?(ctx: SimContext, fleet: Fleet, at: number): void;
}
