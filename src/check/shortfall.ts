/**
 * How an unmet rule becomes (or does not become) a violation: a shortfall the
 * plan lists and counting confirms is accepted; an unlisted one, or a listed
 * one that counting refutes, is reported (docs/format.md, `rotation check`).
 */
import type { Facts } from './facts.js';
import { shortfallKey } from './facts.js';
import { violation, type Violation } from './violation.js';

export interface Unmet {
  readonly rule: 'R1' | 'R2' | 'R4' | 'R5';
  readonly school_id: string;
  /** What the plan does, "中文 / English" with numbers. */
  readonly text: string;
  /** True when counting confirms the rule cannot be met. */
  readonly real: boolean;
  /** The count that decides `real`, "中文 / English". */
  readonly why: string;
}

/** The violation an unmet rule gives, if any. */
export function judgeUnmet(f: Facts, u: Unmet): Violation[] {
  const where = { school_id: u.school_id };
  const label = f.school(u.school_id);
  if (!f.listed.has(shortfallKey(u.rule, u.school_id))) {
    return [violation(u.rule, where, `${label}: ${u.text}；未列入缺口清单 / not listed in shortfalls (${u.why})`)];
  }
  // policy balance.backbone_weight > 0 lets the planner give up a post (R4) or R5's backbone teacher for a lower
  // backbone CV on purpose (README, balance): such a listed shortfall is a choice, not an error.
  if (!u.real && (u.rule === 'R4' || u.rule === 'R5') && f.policy.balance.backbone_weight > 0) return [];
  if (!u.real) return [violation('shortfall', where, `${u.rule} ${label}: 列出的缺口不成立 / listed shortfall is not real — ${u.text}; ${u.why}`)];
  return [];
}
