import type { LocalizedText } from "../../../platform/i18n/locales";

export interface SdgGoal {
  code: number;
  short: LocalizedText;
  title: LocalizedText;
}

export interface SdgTarget {
  code: string;
  goal: number;
  title: LocalizedText;
}

export interface SdgIndicator {
  code: string;
  target: string;
  title: LocalizedText;
}

export interface SdgGoalWithTargets extends SdgGoal {
  targets: (SdgTarget & { indicators: SdgIndicator[] })[];
}

/**
 * Orders SDG codes as the UN framework does: numbered targets first (1.1 … 1.10),
 * then lettered means-of-implementation targets (1.a, 1.b).
 */
export function compareSdgCodes(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function isSdgGoalCode(value: string): boolean {
  return /^(?:[1-9]|1[0-7])$/.test(value);
}
