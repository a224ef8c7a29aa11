// Figures and their arithmetic: each figure is the median of several runs, with the spread of
// those runs (min, max) kept as the measure of how noisy this shared machine was.

export type StoreKind = 'pglite' | 'postgres';

export interface Budget {
  /** `<` and `<=` for costs, `>=` for rates, `=` for exact counts. */
  op: '<' | '<=' | '>=' | '=';
  value: number;
}

export interface Figure {
  /** Stable key, e.g. `fanout-200`. */
  id: string;
  /** What was measured, in words, with the actual size (a quick run uses small sizes). */
  label: string;
  /** The store it ran on; absent for figures that do not touch a store. */
  store?: StoreKind;
  unit: string;
  budget: Budget;
  /** One value per run. */
  runs: number[];
  median: number;
  min: number;
  max: number;
  pass: boolean;
  /** Counts that back the figure up (events delivered, claims won, bytes per file...). */
  detail?: Record<string, unknown>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile (p in 0..100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function meets(value: number, budget: Budget): boolean {
  if (!Number.isFinite(value)) return false;
  switch (budget.op) {
    case '<':
      return value < budget.value;
    case '<=':
      return value <= budget.value;
    case '>=':
      return value >= budget.value;
    case '=':
      return value === budget.value;
  }
}

/** Builds a figure from its runs; `pass` also needs every `mustHold` check true. */
export function figure(
  base: Omit<Figure, 'median' | 'min' | 'max' | 'pass'>,
  mustHold = true,
): Figure {
  const value = median(base.runs);
  return {
    ...base,
    median: round(value),
    min: round(Math.min(...base.runs)),
    max: round(Math.max(...base.runs)),
    runs: base.runs.map(round),
    pass: mustHold && meets(value, base.budget),
  };
}

export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
