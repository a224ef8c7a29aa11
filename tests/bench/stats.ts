// Figures and their arithmetic: each figure is the median of several runs, with the spread of
// those runs (min, max) kept as the measure of how noisy this shared machine was.

export type StoreKind = 'pglite' | 'postgres';

export interface Budget {
  /** `<` and `<=` for costs, `>=` for rates, `=` for exact counts. */
  op: '<' | '<=' | '>=' | '=';
  value: number;
  /**
   * `ratio`: the budget holds for the ratio to the reference server in the same run (Rove's
   * value / the reference's), not for the value itself.
   */
  of?: 'ratio';
  /**
   * Shown, not judged: the store floor's figures carry Rove's budget to show whether any
   * server on that store could meet it. The bench's exit code ignores them.
   */
  informs?: boolean;
}

/** Several runs of one thing: the runs, their median and their spread. */
export interface Spread {
  runs: number[];
  median: number;
  min: number;
  max: number;
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
  /**
   * The same measurement on the reference server (reference-server.ts), with the same client,
   * run for run alternating with Rove's (reference first).
   */
  reference?: Spread;
  /**
   * Rove's value / the reference's, pair by pair (each Rove run with the reference run just
   * before it); the figure's ratio is the median of those.
   */
  ratio?: Spread;
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

export function spread(runs: readonly number[]): Spread {
  return {
    runs: runs.map(round),
    median: round(median(runs)),
    min: round(Math.min(...runs)),
    max: round(Math.max(...runs)),
  };
}

/** Rove's runs over the reference's, pair by pair. */
export function ratios(runs: readonly number[], reference: readonly number[]): number[] {
  return runs.map((value, i) => value / (reference[i] ?? NaN));
}

/**
 * Builds a figure from its runs (and the reference server's, when it was measured against
 * it); `pass` also needs every `mustHold` check true.
 */
export function figure(
  base: Omit<Figure, 'median' | 'min' | 'max' | 'pass' | 'reference' | 'ratio'> & {
    referenceRuns?: number[];
  },
  mustHold = true,
): Figure {
  const { referenceRuns, ...rest } = base;
  const value = median(base.runs);
  const ratioRuns = referenceRuns ? ratios(base.runs, referenceRuns) : undefined;
  const ratio = ratioRuns ? median(ratioRuns) : NaN;
  if (base.budget.of === 'ratio' && !referenceRuns) {
    throw new Error(`${base.id}: a ratio budget needs the reference server's runs`);
  }
  return {
    ...rest,
    median: round(value),
    min: round(Math.min(...base.runs)),
    max: round(Math.max(...base.runs)),
    runs: base.runs.map(round),
    ...(referenceRuns ? { reference: spread(referenceRuns), ratio: spread(ratioRuns!) } : {}),
    pass: mustHold && meets(base.budget.of === 'ratio' ? ratio : value, base.budget),
  };
}

export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
