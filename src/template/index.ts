export * from './schema.js';
export { NATIONAL_2021 } from './national-2021.js';
export { EARLIER_2016 } from './earlier-2016.js';
export { chooseTemplate, type TemplateChoice } from './choose-template.js';
export { loadTemplate, type LoadTemplateResult } from './load-template.js';
