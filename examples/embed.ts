/**
 * The smallest use: parse a plan held in a string (no files; runs in a browser too) and print the JSON
 * of its sections.
 *
 *   npx tsx examples/embed.ts
 */
import { parsePlan } from '../src/index.js';

const text = `永登县全民科学素质行动规划纲要实施方案（2022—2025年）
一、总体要求
到2025年，全县公民具备科学素质的比例达到14%。
二、提升行动
（一）青少年科学素质提升行动
1.提升基础教育阶段科学教育水平。推动中小学科学课程改革。
2.实施教师科学素质提升工程。加强科学教师培训。
（二）老年人科学素质提升行动
1.实施智慧助老行动。开展老年人智能技术培训。`;

const plan = parsePlan(text, { source: 'inline' });
const sections = plan.sections.map((s) => ({ kind: s.kind, title: s.title, measures: s.measures.map((m) => m.title), span: s.span }));
console.log(JSON.stringify({ region: plan.region?.name ?? null, targets: plan.targets.map((t) => t.raw), sections }, null, 2));
