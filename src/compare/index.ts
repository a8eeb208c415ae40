/** Comparing many plans at once: targets, coverage matrix, indicators, agencies, parents, reuse. */
export * from './schema.js';
export { comparePlans, ComparePlansOptionsSchema, parentComparisonPairs, type ComparePlansOptions, type SectionRef, type PlanSource, type ParentPair } from './compare-plans.js';
export { compareTargets, type ComparedPlan } from './compare-targets.js';
export { buildCoverageMatrix } from './build-coverage-matrix.js';
export { compareIndicators, normaliseIndicatorKey } from './compare-indicators.js';
export { compareAgencies, normaliseAgency } from './compare-agencies.js';
export { traceParents, compareWithParent, parentComparisonModel, type TraceParentsOptions } from './trace-parents.js';
export { measureReuse, REUSE_METHOD, type MeasureReuseOptions } from './measure-reuse.js';
export { renderComparisonText } from './render-compare-text.js';
