export * from './schema.js';
export { alignPlan, type AlignOptions } from './align-plan.js';
