// Part 2 of the case file (issue 4; domain.md §1.1 art. 8 and art. 13, §3.8–§3.12, §4 transitions
// 14–21, §5, §9): the minor's voluntary return request and the guardian's consent, counselling,
// the reintegration plan, the proceeding before the juvenile court (IOM provides evidence, the
// court decides), the AVR travel plan, the hand-over, post-return monitoring, the durable-solution
// decision and the continuation of support after 18 (prosieguo).
//
// Input schemas are strict; refinements carry params.code. Dates are YYYY-MM-DD (IsoDate), moments
// ISO date-times with offset.
//
// One file per sub-topic (issue 17); this index is the module's public face.
export * from './states';
export * from './reports';
export * from './request';
export * from './counselling';
export * from './plan';
export * from './court';
export * from './travel';
export * from './handover';
export * from './monitoring';
export * from './solution';
export * from './file';
export * from './field';
