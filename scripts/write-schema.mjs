#!/usr/bin/env node
/**
 * Writes the JSON Schemas in schema/ from the zod schemas, which stay the single source of truth:
 *
 *   schema/standard.schema.json   ← StandardSchema          (what a standard author writes)
 *   schema/record.schema.json     ← InspectionRecordSchema  (what an inspection app sends)
 *   schema/scorecard.schema.json  ← ScorecardSchema         (what scoring returns)
 *
 * Usage: `npm run build && npm run schema` (it reads the built dist/schemas.js, so it needs no
 * TypeScript at run time). test/schema.test.ts calls {@link buildSchemas} with the src modules and
 * fails when a committed file differs from what this script would write.
 *
 * zod's `z.toJSONSchema(…, { io: 'input', unrepresentable: 'any' })` does most of the work. What it
 * cannot see is put back here:
 * - conditions: ConditionSchema validates by dispatch and exports as `{}`; it becomes a
 *   `$ref` to the recursive `$defs.Condition` of CONDITION_JSON_SCHEMA_DEFS;
 * - refinements: a text needs zh-CN or en (`minProperties: 1`), a veto names exactly one of
 *   `item` / `when`, a threshold gives `min` or `max`, dates are YYYY-MM-DD;
 * - help text: titles and descriptions for editors (the standard's JSDoc lives in comments, which
 *   zod cannot read), and each rule kind's one-line description.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** File name → generated schema. */
export const SCHEMA_FILES = ['standard.schema.json', 'record.schema.json', 'scorecard.schema.json'];

const DATE = { format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const TEXT_HELP = 'Text in zh-CN, en or both: { zh-CN: 卫生工具角, en: Cleaning-tool corner }.';

/**
 * Help for the standard, by JSON path inside the generated schema (`/`-separated; `*` = every rule
 * kind). A path that no longer exists is an error, so a renamed key cannot leave stale help behind.
 */
const STANDARD_HELP = {
  'properties/format': 'Version of this file format (not of the standard). Always 1; may be left out.',
  'properties/id': 'The standard\'s id: letters, digits, "_" and "-". Records name it as `id` or `id@version`.',
  'properties/version': 'The standard\'s own edition, quoted: version: "2024.10" (unquoted, 2024.10 would be read as the number 2024.1).',
  'properties/name': 'The standard\'s name. ' + TEXT_HELP,
  'properties/description': TEXT_HELP,
  'properties/effective': 'The dates this edition applies to.',
  'properties/effective/properties/from': 'First day, YYYY-MM-DD.',
  'properties/effective/properties/to': 'Last day, YYYY-MM-DD (omit while in force).',
  'properties/source': 'The document this standard encodes.',
  'properties/source/properties/document': 'The document\'s title, as it reads (市2013年度卫生监督协管服务项目质量考评表).',
  'properties/source/properties/clause': 'Which part of it.',
  'properties/source/properties/url': 'Where to read it.',
  'properties/unit': 'What is inspected and ranked: class, village, restaurant.',
  'properties/scoring': 'How points make a total.',
  'properties/scoring/properties/mode':
    'deduct: base − deductions (higher is better); accumulate: sum of penalty points (lower is better); award: sum of awarded points.',
  'properties/scoring/properties/base': 'deduct mode: the starting score. Default: the sum of the categories\' max.',
  'properties/scoring/properties/max': 'The total never goes above this (100 + 15 bonus = 115). The excess is a `capped` line.',
  'properties/scoring/properties/min': 'The total never goes below this (e.g. 0). The shortfall is a `capped` line.',
  'properties/scoring/properties/evidence':
    '无书面材料该项不得分: `required` makes an item with a finding whose evidence is false or [] score nothing. Default for every item.',
  'properties/kinds': 'Inspection kinds (随查, 定期, 活动). A record gives one as `kind`; by-kind rules and bands refer to them.',
  'properties/levels': 'Event levels (县, 市, 省, 国家). A record gives one as `level`; by-kind rules refer to them.',
  'properties/indicators': 'Measured values (rates, counts) a record reports under `indicators`; rules read them with of: { indicator: id }.',
  'properties/indicators/items/properties/unit':
    'percent: 0–100 (numerator/denominator is multiplied by 100); ratio: 0–1; count / number: as given.',
  'properties/indicators/items/properties/source': 'The clause that defines the indicator.',
  'properties/conditions': 'Named conditions, used as { condition: name } inside any condition.',
  'properties/categories': 'The categories (大项), in order. At least one.',
  'properties/categories/items/properties/id': 'The category\'s id, unique in the standard.',
  'properties/categories/items/properties/name': TEXT_HELP,
  'properties/categories/items/properties/max': 'The category\'s points (分值). In deduct mode it never loses more (扣完为止).',
  'properties/categories/items/properties/bonusMax': 'The most bonus points the category may award on top of max.',
  'properties/categories/items/properties/source': 'The clause of the source document.',
  'properties/categories/items/properties/rules': 'Rules that score the category as a whole (a finding naming the category, or any finding of its items).',
  'properties/categories/items/properties/items': 'The items (小项 / 检查内容) of the category. At least one.',
  'properties/categories/items/properties/items/items/properties/id': 'The item\'s id, unique in the standard. Findings name it as `id` or `category.id`.',
  'properties/categories/items/properties/items/items/properties/name': TEXT_HELP,
  'properties/categories/items/properties/items/items/properties/max': 'The item\'s points (分值). In deduct mode it never loses more (扣完为止).',
  'properties/categories/items/properties/items/items/properties/bonusMax': 'The most bonus points the item may award on top of max (7分奖分).',
  'properties/categories/items/properties/items/items/properties/source': 'The clause of the source document.',
  'properties/categories/items/properties/items/items/properties/rules': 'How the item is scored (评分标准): one or more rules, run in order.',
  'properties/categories/items/properties/items/items/properties/requirement': 'What the item requires, as the standard words it (检查内容 / 工作要求).',
  'properties/categories/items/properties/items/items/properties/method': 'How it is checked (考核方法).',
  'properties/categories/items/properties/items/items/properties/evidence': 'Overrides scoring.evidence for this item.',
  'properties/categories/items/properties/items/items/properties/critical': 'A critical item (重点项): reports mark it.',
  'properties/categories/items/properties/items/items/properties/tags': 'Free labels for filtering and reports.',
  'properties/outcomes': 'What the scorecard concludes: vetoes, prerequisites, grade bands, derived outcomes.',
  'properties/outcomes/properties/vetoes': '一票否决: any one of these fails the inspection, whatever the score.',
  'properties/outcomes/properties/vetoes/items/properties/item': 'Vetoed when this item has any finding.',
  'properties/outcomes/properties/vetoes/items/properties/when': 'Vetoed when this condition holds (unknown → indeterminate).',
  'properties/outcomes/properties/prerequisites': '必备条件: each must hold, else the verdict is not_eligible (unknown → indeterminate).',
  'properties/outcomes/properties/prerequisites/items/properties/require': 'The condition that must hold.',
  'properties/outcomes/properties/bands':
    'Grade bands on the total, tried in order; the first that matches is the band. Put compound (everyCategory) bands first.',
  'properties/outcomes/properties/bands/items/properties/min': 'Inclusive lower bound (total ≥ min).',
  'properties/outcomes/properties/bands/items/properties/max': 'Inclusive upper bound (total ≤ max).',
  'properties/outcomes/properties/bands/items/properties/above': 'Exclusive lower bound (total > above).',
  'properties/outcomes/properties/bands/items/properties/below': 'Exclusive upper bound (total < below).',
  'properties/outcomes/properties/bands/items/properties/kinds': 'Only for records of these inspection kinds.',
  'properties/outcomes/properties/bands/items/properties/everyCategory': 'Compound band: every category\'s subtotal must also be within these bounds.',
  'properties/outcomes/properties/bands/items/properties/verdict': 'fail: a total in this band fails the inspection.',
  'properties/outcomes/properties/derived': 'Derived outcomes: count the categories at or above a score (stars), then map the count to tiers.',
  'properties/outcomes/properties/derived/items/properties/count': 'What to count: categories whose subtotal is ≥ min.',
  'properties/outcomes/properties/derived/items/properties/tiers': 'Tiers by the count (≥ min); the highest reached wins.',
  'properties/outcomes/properties/derived/items/properties/tiers/items/properties/verdict': 'fail: reaching only this tier fails the inspection.',
  'properties/assumptions': 'Assumptions the standard makes where its source is silent, in words.',
  'properties/ranking': 'How scorecards are aggregated per period and ranked, and which awards (流动红旗) are given.',
  'properties/ranking/properties/awards/items/properties/exclude':
    'Who cannot hold the award in a period: veto (a 一票否决 in it; the default), fail (an inspection that failed), or what an inspection says here or in another standard — { veto: true } | { verdict } | { bands } | { outcome, tiers }, with an optional standard; [] for nobody.',
  'properties/ranking/properties/awards/items/properties/count': 'With winners: top, how many units hold the award per group (十佳: 10).',
  'properties/ranking/properties/awards/items/properties/kinds': 'Only records of these inspection kinds count towards the award.',
  'properties/ranking/properties/awards/items/properties/quota': '每班一名: at most max holders per value of unit.group[by], in rank order.',
  'properties/ranking/properties/rollups': 'Groups (alliances, grades, streets) ranked from their members, chosen with rank --roll-up ID.',
  'properties/ranking/properties/boards/properties/exclude': 'Who the 红榜 passes over in a period (and the 黑榜 names first), as an award\'s exclude (default [veto]).',
  'properties/calendar': 'School terms (with holidays) for `term` periods and week numbers.',
  'properties/parties': 'Who findings may charge (`charges` on items and rules): the unit itself (`unit: true`), or a person each record names under `parties`.',
  'properties/outcomes/properties/cycle': 'A re-inspection cycle (初查 / 复查): an initial inspection in a `grant` band gives the grade at once; any other leaves it pending, the previous grade carried, until a re-inspection (a `reinspection` kind) decides.',
  'properties/lineage': 'Set by the loader for an overlay (the chain of standards it extends). Do not write it.',
};

/**
 * An overlay (`extends: base.yaml` plus what differs) is merged onto its base by the loader, which
 * then checks the merged standard as a whole (with positions in the right file). Here it is only
 * recognised, so that editors do not flag its keys; see src/standard/overlay.ts for its shape.
 */
const OVERLAY = {
  description:
    'An overlay: `extends:` names the base standard (a path relative to this file); the other keys change, add or remove parts of it. The loader merges and checks it.',
  type: 'object',
  properties: {
    extends: { type: 'string', minLength: 1, description: 'The base standard, as a path relative to this file.' },
    add: { type: 'object', description: 'Parts to add: items (by category id) and categories.' },
    remove: { type: 'object', description: 'Parts of the base to remove, by id.' },
    categories: { type: 'object', description: 'Changes to the base\'s categories, items and rules, keyed by id.' },
  },
  required: ['extends'],
};

/** Help for fields of rules: `kind.field`, or `*.field` for every kind that has the field. */
const RULE_HELP = {
  '*.kind': 'The rule kind.',
  '*.id': 'Optional id of the rule, for tests and overlays.',
  '*.source': 'The clause of the source document this rule encodes.',
  '*.reason': 'Wording for the scorecard line instead of the rule kind\'s default reason.',
  '*.cap': 'The most this rule deducts (or awards) per inspection (最高扣10分). The excess comes back as a `capped` line.',
  '*.rectify': '限期整改: what this rule scored must be fixed within a time (3d, 1w, friday, 2024-03-31); late: points, fail or escalate. See docs/rectification.md.',
  '*.repeat': '屡教不改: what this rule scored costs more when repeated within a window (30d, week, month, term): extra steps or multiply.',
  '*.foundLate': '次月发现的双倍扣减: what this rule scored is multiplied when found long after it occurred (month, or a span).',
  '*.charges': '000:135: what each finding this rule scored costs each party (4,000 yuan the community, 500 yuan its officer), in points or yuan, exact; multiplied by foundLate.',
  '*.of': 'Where the quantity comes from: { indicator: id } or { fact: name, path? }. Default: the findings\' `value`.',
  '*.effect': 'deduct (default) or award.',
  'bonus.points': 'Points awarded for each whole unit above `above`.',
  'bonus.above': 'The quantity that earns nothing yet (在完成6条的报告任务后: 6). Default 0.',
  'by-kind.points': 'Points by the record\'s kind: { random: 1, scheduled: 2, event: { county: 3, city: 4 } }.',
  'fixed.points': 'Points, once per inspection.',
  'fixed.when': 'Trigger on this condition instead of on a finding.',
  'judgement.min': 'Least points the inspector may give (default 0).',
  'judgement.max': 'Most points the inspector may give.',
  'not-applicable.when': 'The item is not scored when this condition holds.',
  'per-occurrence.points': 'Points per occurrence, or { min, max }: the inspector chooses within the range.',
  'per-shortfall.required': 'The required count (一年不少于4次: 4).',
  'per-shortfall.points': 'Points for each one short.',
  'per-step.target': 'The target (100 for 100 %).',
  'per-step.step': 'The size of a step below the target (每下降2%: 2).',
  'per-step.points': 'Points for each step.',
  'per-step.partial': 'floor: only whole steps count; ceil: a started step counts.',
  'threshold.min': 'Lower bound (null: the source leaves it unset → indeterminate).',
  'threshold.max': 'Upper bound (null: the source leaves it unset → indeterminate).',
  'threshold.inclusive': 'Whether the bounds themselves meet the requirement (以上 / 以下 = inclusive). Default true.',
  'threshold.effect': 'fail (default): unmet fails the inspection; points: unmet costs `points`.',
  'threshold.points': 'Points when unmet and effect is points. Default: the item\'s max.',
};

const RECORD_HELP = {
  '': null, // set in buildSchemas (title + description)
  'properties/id': 'The record\'s id (unique in a batch).',
  'properties/standard': 'The standard it was inspected against: `id` or `id@version`.',
  'properties/unit': 'The inspected unit.',
  'properties/unit/properties/id': 'The unit\'s id (g1-3).',
  'properties/unit/properties/name': 'The unit\'s name (高一(3)班).',
  'properties/unit/properties/group': 'Grouping for ranking: { grade: 高一 }.',
  'properties/date': 'Date of the inspection, YYYY-MM-DD.',
  'properties/kind': 'The inspection kind: one of the standard\'s `kinds`.',
  'properties/level': 'The event level: one of the standard\'s `levels`.',
  'properties/inspector': 'Who inspected.',
  'properties/findings': 'What was found, one entry per item (or category) and problem.',
  'properties/findings/items/properties/item': 'The item\'s id (tool-corner) or category.item (classroom.tool-corner); a category id marks the whole area failed.',
  'properties/findings/items/properties/count': 'How many times (每处 / 每次); a whole number, default 1.',
  'properties/findings/items/properties/points': 'Points the inspector chose, for ranged (1–3) and judgement rules.',
  'properties/findings/items/properties/value': 'A measured or counted quantity (supervisions held: 2).',
  'properties/findings/items/properties/note': 'The inspector\'s note; required by judgement rules.',
  'properties/findings/items/properties/evidence': 'Written material shown: true or a list of references; false or [] when there is none.',
  'properties/findings/items/properties/unit': 'The unit liable for this finding when it is not the inspected one.',
  'properties/findings/items/properties/area': 'Where it was found.',
  'properties/indicators': 'Indicator values by id: a number, { value }, or { numerator, denominator } (computed exactly).',
  'properties/facts': 'Any other facts the standard\'s conditions read (event_occurred: false).',
  'properties/supersedes': 'The id of a record this one replaces (a corrected sheet, 复核).',
  'properties/round': 'An inspection round covering every rostered unit: findings name their unit or area.',
};

/**
 * Builds the three schemas. `lib` holds the zod schemas and helpers: from dist/schemas.js when run as a
 * script, from src when called by the tests.
 * @param {{ z: any, StandardSchema: any, InspectionRecordSchema: any, ScorecardSchema: any,
 *   ConditionSchema: any, CONDITION_JSON_SCHEMA_DEFS: object, RuleSchema: any, RULE_KINDS: Record<string, { description: string }> }} lib
 * @returns {Record<string, object>} file name → schema
 */
export function buildSchemas(lib) {
  const { z } = lib;
  const convert = (schema, io) =>
    z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      override(ctx) {
        const ref = ctx.zodSchema === lib.ConditionSchema ? 'Condition' : ctx.zodSchema === lib.RuleSchema && schema !== lib.RuleSchema ? 'Rule' : undefined;
        if (ref !== undefined) {
          for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
          ctx.jsonSchema.$ref = `#/$defs/${ref}`;
        }
      },
    });

  // --- standard ---------------------------------------------------------------------------
  const standard = tidy(convert(lib.StandardSchema, 'input'));
  const body = { description: 'A standard, written out in full.', ...without(standard, '$schema') };
  for (const [path, description] of Object.entries(STANDARD_HELP)) annotate(body, path, { description });
  annotate(body, 'properties/effective/properties/from', DATE);
  annotate(body, 'properties/effective/properties/to', DATE);
  annotate(body, 'properties/outcomes/properties/vetoes/items', {
    // exactly one of the two (both present would match both branches)
    oneOf: [
      { type: 'object', properties: { item: { type: 'string' } }, required: ['item'] },
      { type: 'object', properties: { when: { $ref: '#/$defs/Condition' } }, required: ['when'] },
    ],
  });
  const withDefs = {
    $schema: standard.$schema,
    title: 'scoresheet standard (format 1)',
    description:
      'A scoring standard for scoresheet: metadata, scoring mode, categories, items, rules and outcomes. See docs/standard-format.md.',
    // A file is a standard, or an overlay that `extends:` one (merged by the loader, which checks the result).
    anyOf: [{ $ref: '#/$defs/Standard' }, { $ref: '#/$defs/Overlay' }],
    $defs: {
      Standard: body,
      Overlay: OVERLAY,
      Rule: { description: 'A scoring rule; `kind` says which.', ...without(tidy(convert(lib.RuleSchema, 'input')), '$schema') },
      ...structuredClone(lib.CONDITION_JSON_SCHEMA_DEFS),
    },
  };
  describeRules(withDefs, lib.RULE_KINDS);

  // --- record -----------------------------------------------------------------------------
  const record = tidy(convert(lib.InspectionRecordSchema, 'input'));
  const recordOut = {
    $schema: record.$schema,
    title: 'scoresheet inspection record',
    description: 'One inspection of one unit on one date: kind, level, findings, indicators and facts. See docs/standard-format.md.',
    ...without(record, '$schema'),
  };
  for (const [path, description] of Object.entries(RECORD_HELP)) if (description) annotate(recordOut, path, { description });
  annotate(recordOut, 'properties/date', DATE);

  // --- scorecard (descriptions come from .meta() in src/score/scorecard-schema.ts) ----------
  const scorecard = tidy(convert(lib.ScorecardSchema, 'output'));
  annotate(scorecard, 'properties/date', DATE);

  return {
    'standard.schema.json': factorTexts(withDefs),
    'record.schema.json': recordOut,
    'scorecard.schema.json': factorTexts(scorecard),
  };
}

/** The file text for a schema: 2-space JSON and a final newline. */
export function serialize(schema) {
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Title and description of each rule kind's branch, and help on its fields. */
function describeRules(root, ruleKinds) {
  const seen = new Set();
  walk(root, (node) => {
    const kind = node?.properties?.kind?.const;
    if (typeof kind !== 'string' || !Object.hasOwn(ruleKinds, kind)) return;
    seen.add(kind);
    node.title = `${kind} rule`;
    node.description = ruleKinds[kind].description;
    for (const field of Object.keys(node.properties)) {
      const help = RULE_HELP[`${kind}.${field}`] ?? RULE_HELP[`*.${field}`];
      if (help === undefined) throw new Error(`write-schema: no help for rule field "${kind}.${field}"; add it to RULE_HELP`);
      node.properties[field].description = help;
    }
    if (kind === 'threshold') {
      // min or max (or both); null counts: it is how a standard says "the source leaves it unset"
      const bound = { type: ['number', 'null'] };
      node.anyOf = [
        { type: 'object', properties: { min: bound }, required: ['min'] },
        { type: 'object', properties: { max: bound }, required: ['max'] },
      ];
    }
  });
  for (const kind of Object.keys(ruleKinds)) {
    if (!seen.has(kind)) throw new Error(`write-schema: rule kind "${kind}" not found in the standard schema`);
  }
  for (const key of Object.keys(RULE_HELP)) {
    const [kind] = key.split('.');
    if (kind !== '*' && !seen.has(kind)) throw new Error(`write-schema: RULE_HELP names unknown rule kind "${kind}"`);
  }
}

/**
 * Unshares nodes (zod inlines one object at every place a schema is reused, so annotating one place
 * would annotate all), drops zod's safe-integer noise, and makes localized texts need a language.
 */
function tidy(schema) {
  const copy = structuredClone(schema);
  walk(copy, (node) => {
    if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
    if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
    if (isText(node)) {
      node.minProperties = 1;
      node.description ??= TEXT_HELP;
    }
  });
  return copy;
}

const isText = (node) =>
  node.type === 'object' && node.additionalProperties === false && node.properties !== undefined && Object.keys(node.properties).sort().join(',') === 'en,zh-CN';

/** Every localized text becomes a `$ref` to one `$defs.LocalizedText`, keeping its own description. */
function factorTexts(root) {
  let text;
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && isText(value)) {
        const { description, ...shape } = value;
        text ??= { ...shape, description: TEXT_HELP };
        node[key] = { $ref: '#/$defs/LocalizedText', ...(description !== undefined && description !== TEXT_HELP ? { description } : {}) };
      } else {
        visit(value);
      }
    }
  };
  visit(root);
  if (text !== undefined) root.$defs = { ...root.$defs, LocalizedText: text };
  return root;
}

function walk(node, visit) {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  visit(node);
  for (const value of Object.values(node)) walk(value, visit);
}

function without(object, key) {
  const { [key]: _, ...rest } = object;
  return rest;
}

/** Merges `extra` into the node at `path` (`a/b/c`; '' = the root); throws if there is no such node. */
function annotate(root, path, extra) {
  let node = root;
  for (const step of path === '' ? [] : path.split('/')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, step)) {
      throw new Error(`write-schema: no node at "${path}" (stopped at "${step}"); update the help table`);
    }
    node = node[step];
  }
  // A `default` wrapper keeps its description on the outer node, which is the one editors read.
  Object.assign(node, extra);
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  let lib;
  try {
    lib = { ...(await import(pathToFileURL(join(root, 'dist', 'schemas.js')).href)) };
  } catch (error) {
    throw new Error(`cannot import dist/schemas.js: run "npm run build" first (${error.message})`);
  }
  lib.z = (await import('zod')).z;
  const needed = ['StandardSchema', 'InspectionRecordSchema', 'ScorecardSchema', 'ConditionSchema', 'CONDITION_JSON_SCHEMA_DEFS', 'RuleSchema', 'RULE_KINDS'];
  const missing = needed.filter((name) => lib[name] === undefined);
  if (missing.length > 0) {
    throw new Error(`dist/schemas.js does not export ${missing.join(', ')}: export them from src/entries/schemas.ts and run "npm run build"`);
  }
  const schemas = buildSchemas(lib);
  await mkdir(join(root, 'schema'), { recursive: true });
  for (const name of SCHEMA_FILES) {
    await writeFile(join(root, 'schema', name), serialize(schemas[name]));
    process.stdout.write(`wrote schema/${name}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    process.stderr.write(`write-schema: ${error.message}\n`);
    process.exitCode = 1;
  });
}
