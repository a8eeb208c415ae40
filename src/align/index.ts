export * from './schema.js';
export { alignPlan, AlignOptionsSchema, type AlignOptions } from './align-plan.js';
