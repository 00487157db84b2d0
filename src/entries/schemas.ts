/** `scoresheet/schemas`: the zod schemas of a standard, a record, a scorecard and a CSV map, for validation and JSON Schema generation.
 *
 * @module scoresheet/schemas
 */
export { StandardSchema } from '../standard/schema.js';
export type { Standard, StandardInput, Category, Item, Band, Veto, Prerequisite, Derived, Indicator } from '../standard/schema.js';
export { ConditionSchema, OPERATORS, DECORATORS, CONDITION_JSON_SCHEMA_DEFS } from '../condition-schema.js';
export type { Condition } from '../condition-schema.js';
export { RULE_KINDS, RULE_KIND_NAMES, RuleSchema } from '../rules/index.js';
export type { Rule, RuleKindName } from '../rules/index.js';
export { InspectionRecordSchema, FindingSchema, UnitRefSchema } from '../record-schema.js';
export { ScorecardSchema } from '../score/scorecard-schema.js';
export { CsvMappingSchema } from '../records/mapping.js';
export { DIAGNOSTIC_CODES } from '../diagnostics.js';
