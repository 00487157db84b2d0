/** English wording of every message id. */
import type { Catalogue } from './types.js';

const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const hint = (suggestion: unknown): string => (suggestion ? ` (did you mean "${s(suggestion)}"?)` : '');
/** A list in a message's data (anything else reads as none). */
/** How a supported path looks (path.*). */
const PATH_EXAMPLE = 'use a plain path such as "a.b[0].c" or "$.a.b[0].c"';
/** zod's units of a sized value (too_small / too_big), as zod says them. */
const SIZE_UNITS_EN: Readonly<Record<string, string>> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' };
const listOf = <T>(v: unknown): readonly T[] => (Array.isArray(v) ? (v as T[]) : []);

/** One point or several: "1 point", "2 points", "-1 point". */
const points = (n: unknown): string => `${s(n)} ${Math.abs(Number(n)) === 1 ? 'point' : 'points'}`;

/** Zod's type names, as a person says them. */
const TYPE_NAMES_EN: Readonly<Record<string, string>> = { number: 'a number', int: 'a whole number', string: 'text', boolean: 'true or false', object: 'an object (key: value)', array: 'a list', date: 'a date' };

/** Points (and bounds, steps) finer than the resolution of exact points, in a standard or a record. */
const tooPrecise = (d: Record<string, unknown>): string => `${s(d.value)} is finer than ${s(d.resolution)}: points, bounds and steps are held exactly to ${s(d.resolution)} (at most 4 decimals)`;

/** What a file is, for file_too_large (a standard unless said). */
const FILE_KINDS: Readonly<Record<string, string>> = { calendar: 'a calendar', units: 'a units file', roster: 'a roster', map: 'a map file', tests: 'a test file', assessment: 'an assessment file', 'score-sheet': 'a score sheet (评分表)', feed: 'a LIVES feed file' };

export const en: Catalogue = {
  'diagnostic.file_not_found': (d) => `cannot read the file: ${d.notFile ? 'it is not a regular file (a folder, a device or a pipe)' : d.reason === 'overlay_needs_file' ? 'an overlay is loaded from a file (loadStandard), which resolves `extends:`' : s(d.detail)}`,
  'diagnostic.file_too_large': (d) => `the file is ${d.bytes === undefined ? 'larger than that' : `${s(d.bytes)} bytes`}; ${FILE_KINDS[s(d.what)] ?? 'a standard'} may be at most ${s(d.limit)} bytes`,
  'diagnostic.invalid_utf8': (d) => `the file is not UTF-8: byte 0x${s(d.byte)} here is not part of a character (${s(d.count)} such place(s) in the file); save it as UTF-8`,
  'diagnostic.yaml_syntax': (d) => `YAML syntax error: ${d.detail === undefined ? `${s(d.yamlCode)} (the base file is not quoted)` : s(d.detail)}`,
  'diagnostic.yaml_duplicate_key': (d) => `duplicate key in a YAML map: ${s(d.detail)}`,
  'diagnostic.yaml_alias_limit': (d) => `too many YAML aliases expanded (limit ${s(d.limit)}): the file would blow up in memory`,
  'diagnostic.invalid_type': (d) => `expected ${s(d.expected)}, found ${s(d.received)}`,
  'schema.extends_not_string': (d) => `expected string (a path to the base standard), found ${s(d.received)}`,
  'schema.extends_not_standard': (d) => `expected a standard (a map with categories) in ${s(d.file)}, found ${s(d.received)}`,
  'diagnostic.missing_key': (d) => (d.key ? `required key "${s(d.key)}" is missing` : s(d.detail)),
  'diagnostic.unknown_key': (d) => (d.misplaced ? `"${s(d.key)}" is not allowed here (it belongs to another part of the standard; see docs/standard-format.md)` : `unknown key "${s(d.key)}"${hint(d.suggestion)}`),
  'diagnostic.invalid_value': (d) => (d.expected ? `expected one of ${s(d.expected)}, found ${s(d.received)}` : s(d.detail)),
  'diagnostic.invalid_id': (d) => `"${s(d.value)}" is not a valid id: use letters, digits, "_" and "-"`,
  'diagnostic.out_of_range': (d) => (d.max !== undefined ? `out of range: ${s(d.value)} is beyond ±${s(d.max)}, the largest number held exactly` : `out of range: ${s(d.detail)}`),
  'diagnostic.unknown_rule_kind': (d) => `unknown rule kind "${s(d.kind)}"${hint(d.suggestion)}; known kinds: ${s(d.known)}`,
  'diagnostic.unknown_operator': (d) => `${s(d.detail)}`,
  'diagnostic.bad_path': (d) => `${s(d.detail)}`,
  'diagnostic.invalid_condition': (d) => `${s(d.detail)}`,
  'diagnostic.numeric_version': (d) => `version ${s(d.written)} was read as the number ${s(d.value)}; quote it: version: "${s(d.written)}"`,
  'diagnostic.invalid_date': () => 'not a calendar date (write YYYY-MM-DD, a day that exists)',
  'diagnostic.too_precise': tooPrecise,
  'diagnostic.duplicate_id': (d) => `duplicate ${s(d.what)} id "${s(d.id)}" (first defined at ${s(d.first)})`,
  'diagnostic.unknown_reference': (d) => `unknown ${s(d.what)} "${s(d.id)}"${hint(d.suggestion)}`,
  'diagnostic.condition_cycle': (d) => `named conditions refer to each other in a cycle: ${s(d.cycle)}`,
  'diagnostic.scored_fact_in_rule': (d) => `a rule cannot read the fact "${s(d.fact)}": a category's or item's points are known only once every rule has run (read it in outcomes: vetoes, prerequisites, dimensions)`,
  'diagnostic.range_inverted': (d) =>
    d.from !== undefined ? `the dates are inverted: it ends on ${s(d.to)}, before it starts on ${s(d.from)}` : `the range is inverted: min ${s(d.min)} is greater than max ${s(d.max)}`,
  'diagnostic.category_max_mismatch': (d) => `declared ${s(d.key)} ${s(d.declared)} differs from the sum of its items' ${s(d.key)}, ${s(d.sum)}`,
  'diagnostic.base_mismatch': (d) => `scoring.base ${s(d.base)} differs from the sum of the categories' maxima, ${s(d.sum)}`,
  'diagnostic.band_gap': (d) => `bands leave a gap between ${s(d.from)} and ${s(d.to)} (see band ${s(d.other)})`,
  'diagnostic.band_overlap': (d) => `bands overlap at ${s(d.at)} (see band ${s(d.other)})`,

  'diagnostic.unknown_override': (d) => `the overlay changes ${s(d.what)} "${s(d.id)}", which the base standard does not have${hint(d.suggestion)}`,
  'diagnostic.extends_cycle': (d) => `standards extend each other in a cycle: ${s(d.chain)}`,
  'diagnostic.term_overlap': (d) => `term "${s(d.id)}" overlaps term "${s(d.other)}" (at ${s(d.first)}) from ${s(d.from)} to ${s(d.to)}: a day may be in one term only`,
  'diagnostic.extends_outside_roots': (d) => `the base "${s(d.ref)}" is outside the folders a base may come from (the working directory's, the standard's own, and any --allow-root / allowRoots): name its folder with --allow-root`,
  'diagnostic.extends_not_file': (d) => `the base "${s(d.ref)}" is not a regular file (a folder, a device or a pipe): a base is a standard file`,
  'input.draft_unparsed': (d) => `${s(d.item)}: "${s(d.clause)}" is no phrase the draft knows (每处扣X分, 每少一次扣X分, 每下降X%扣Y分, 扣X分, 最高扣X分, 酌情扣分 …): it became a judgement rule; encode it by hand`,
  'line.fixed': (d) => `not met: ${points(d.points)}`,
  'line.fixed_award': (d) => `awarded ${points(d.points)}`,
  'line.per_occurrence': (d) => `${s(d.count)} × ${points(d.points)}`,
  'line.per_occurrence_award': (d) => `${s(d.count)} × ${points(d.points)} awarded`,
  'line.per_shortfall': (d) => `${s(d.actual)} of the required ${s(d.required)}: ${s(d.shortfall)} short × ${points(d.points)}`,
  'line.per_step': (d) => `${s(d.actual)} against a target of ${s(d.target)}: ${s(d.steps)} step(s) of ${s(d.step)} × ${points(d.points)}`,
  'line.threshold': (d) => `${s(d.quantityName ?? d.quantity)} is ${s(d.actual)}, required ${s(d.expected)}`,
  'line.threshold_unset': (d) => `the standard leaves the threshold for ${s(d.quantityName ?? d.quantity)} unset`,
  'line.threshold_no_points': (d) => `${s(d.quantityName ?? d.quantity)} is below its threshold but no points are set`,
  'line.bonus': (d) => `${s(d.extra)} above ${s(d.above)} × ${points(d.points)} awarded`,
  'line.judgement': (d) => `inspector's judgement: ${points(d.points)} (${s(d.note)})`,
  'line.judgement_award': (d) => `inspector's judgement: ${points(d.points)} awarded (${s(d.note)})`,
  'line.not_applicable': () => 'not applicable to this inspection',
  'line.by_kind': (d) => `area failed in a ${s(d.kindName ?? d.kind)}${d.level ? ` (${s(d.levelName ?? d.level)})` : ''}${d.kindName ? '' : ' inspection'}: ${points(d.points)}`,
  'line.by_kind_unknown': (d) => `no points are set for inspections of kind "${s(d.kind)}"`,
  'line.by_kind_unknown_level': (d) => `no points are set for a "${s(d.kind)}" inspection at level "${s(d.level)}"`,
  'line.evidence_missing': (d) => `no written material: the item scores nothing (${points(d.points)})`,
  'line.cap_rule': (d) => `capped: this rule deducts at most ${points(d.cap)}`,
  'line.cap_rule_award': (d) => `capped: this rule awards at most ${points(d.cap)}`,
  'line.rectify_overdue': (d) => `not fixed by ${s(d.due)} (${s(d.finding)}, ${s(d.days)} day(s) late): ${points(d.points)}`,
  'line.rectify_overdue_fail': (d) => `not fixed by ${s(d.due)} (${s(d.finding)}, ${s(d.days)} day(s) late): the inspection fails`,
  'line.repeat': (d) => (d.multiply !== undefined ? `repeated (${s(d.repeats)} earlier within ${s(d.window)}): × ${s(d.multiply)}` : `repeated (${s(d.repeats)} earlier within ${s(d.window)})`),
  'line.found_late': (d) => `found late (it occurred on ${s(d.occurred)}): × ${s(d.multiply)}`,
  'line.floor_item': (d) => `the item cannot lose more than its ${points(d.max)}`,
  'line.cap_item_bonus': (d) => `the item's bonus is capped at ${points(d.cap)}`,
  'line.floor_category': (d) => `the category cannot lose more than its ${points(d.max)}`,
  'line.cap_category_bonus': (d) => `the category's bonus is capped at ${points(d.cap)}`,
  'line.cap_total': (d) => `the total is capped at ${points(d.max)}`,
  'line.floor_total': (d) => `the total cannot go below ${points(d.min)}`,
  'line.veto': (d) => `one-vote veto: ${s(d.name)}`,
  'line.prerequisite_unmet': (d) => `prerequisite not met: ${s(d.name)}`,
  'line.band_fail': (d) => `the total falls in band ${s(d.name)}`,
  'line.dimension_fail': (d) => `${s(d.dimension)}: ${s(d.name)}`,
  'line.tier_fail': (d) => `${s(d.name)}: ${s(d.tier)}`,

  'verdict.indeterminate_prerequisite': (d) => `cannot tell whether the prerequisite "${s(d.name)}" is met`,
  'verdict.indeterminate_veto': (d) => `cannot tell whether the veto "${s(d.name)}" applies`,
  'verdict.indeterminate_band_when': (d) => `cannot tell whether the band "${s(d.name)}" applies`,
  'verdict.indeterminate_band': () => 'the total is not known, so the band cannot be given',

  'league.veto_column': () => 'veto',
  'league.none_tie': () => 'not awarded: tie',
  'league.none_below_minimum': () => 'not awarded: nobody reached the minimum',
  'league.none_excluded': () => 'not awarded: the units that qualified are excluded (a veto or a failed inspection this period)',

  'condition.missing_fact': (d) => `the fact "${s(d.fact)}${d.path ? s(d.path).replace(/^\$?\.?/, '.') : ''}" is missing`,
  'condition.wrong_type': (d) => `the fact "${s(d.fact)}" is ${s(d.actual)}, but ${s(d.operator)} needs ${s(d.expected)}`,
  'condition.failed': (d) => `${s(d.fact)} ${s(d.operator)} ${JSON.stringify(d.value)} is false (found ${JSON.stringify(d.actual)})`,

  'quantity.missing_value': () => 'the finding gives no value to score this item',
  'quantity.missing_indicator': (d) => `the indicator "${s(d.indicator)}" is not given`,

  'test.unknown_keys': (d) => `unknown key(s): ${s(d.keys)}`,
  'test.missing_key': (d) => `missing required key "${s(d.key)}"`,
  'map.unknown_field': (d) => `unknown field "${s(d.name)}"${d.fields ? `; fields: ${s(d.fields)}` : ''}`,
  'map.finding_in_wide': (d) => `${s(d.name)}: finding fields are for the long layout; in a wide map list item columns under items:`,
  'map.field_twice': (d) => `${s(d.name)} is already given by column "${s(d.other)}"`,
  'map.needs_item_column': () => 'a long map needs the item column: <header>: finding.item (or, for a 复查 sheet, follow.finding)',
  'map.items_in_long': () => 'items: is for the wide layout; a long map has a finding.item column',
  'map.key_not_column': (d) => `"${s(d.column)}" is not a column of the map`,
  'map.key_follow': (d) => `"${s(d.column)}" holds a follow-up field (follow.*); key columns hold record fields`,
  'map.key_finding': (d) => `"${s(d.column)}" holds a finding field; key columns hold record fields`,
  'map.key_in_wide': () => 'key: is for the long layout (a wide row is one inspection)',
  'map.column_twice': (d) => `column "${s(d.column)}" is mapped twice`,
  'map.defaults_finding': () => 'defaults are for record fields',
  'map.needs_map': (d) => `this CSV needs a map (--map; \`scoresheet template\` writes one): ${d.columns ? `the columns ${s(d.columns)} are not field names` : 'it has no finding.item (or, for a 复查 sheet, follow.finding) column'}`,
  'map.missing_column': (d) => `the map names the column "${s(d.column)}", which the CSV header (row ${s(d.row)}) does not have${hint(d.suggestion)}; its columns: ${s(d.columns)}`,
  'map.duplicate_column': (d) => `the CSV header has the column "${s(d.column)}" ${s(d.count)} times (columns ${s(d.at)})`,
  'schema.localized_text': () => 'give the text in zh-CN, en or both',
  'schema.threshold_bound': () => 'give min or max (null when the source leaves the number unset)',
  'schema.veto_target': () => 'a veto names exactly one of `item` or `when`',
  'schema.party_group': () => '`joint` and `shared` are for a group party: say which `unit.group` key names the group (`group: alliance`)',
  'schema.party_unit_group': () => 'a party is the unit itself (`unit: true`) or its group (`group`), not both',
  'schema.late_cost': () => 'say what being late costs: points, fail: true or escalate: true',
  'condition.not_object': (d) =>
    `a condition must be an object with one of "all", "any", "not", "condition" or "fact"; got ${d.type === 'null' ? 'null' : d.type === 'list' ? 'a list' : d.type === 'object' ? 'an object' : `${s(d.type)} ${s(d.value)}`}`,
  'condition.no_kind': (d) => {
    const keys = listOf<string>(d.keys);
    const hints = listOf<{ key: string; suggestion: string }>(d.hints);
    return (
      'a condition needs exactly one of "all", "any", "not", "condition" or "fact"' +
      (keys.length === 0 ? '; got an empty object' : `; got keys ${keys.map((k) => JSON.stringify(k)).join(', ')}`) +
      (hints.length > 0 ? `; unknown key ${hints.map((h) => `"${h.key}" (did you mean "${h.suggestion}"?)`).join(', ')}` : '')
    );
  },
  'condition.many_kinds': (d) =>
    `a condition needs exactly one of "all", "any", "not", "condition" or "fact", but this one has ${listOf<string>(d.present).map((k) => `"${k}"`).join(' and ')}; nest them inside "all" or "any"`,
  'condition.not_list': () => '"not" takes a single condition, not a list; write { not: { all: [...] } } or { not: { any: [...] } }',
  'condition.no_value': () => 'a fact condition needs a "value": a literal, or { fact, path } to compare with another fact',
  'path.recursive_descent': (d) => `path ${s(d.path)} uses JSONPath recursive descent ("..") which is not supported; ${PATH_EXAMPLE}`,
  'path.filter': (d) => `path ${s(d.path)} uses a JSONPath filter ("[?(...)]") which is not supported; ${PATH_EXAMPLE}`,
  'path.wildcard': (d) => `path ${s(d.path)} uses a JSONPath wildcard ("*") which is not supported; ${PATH_EXAMPLE}`,
  'path.script': (d) => `path ${s(d.path)} uses a JSONPath script expression ("(...)" / "@") which is not supported; ${PATH_EXAMPLE}`,
  'path.leading_bracket': (d) => `path ${s(d.path)} must start with a name or "$" (write "$[0]" for an index at the top); ${PATH_EXAMPLE}`,
  'path.bracket': (d) => `path ${s(d.path)}: only numeric indexes like "[0]" are supported inside brackets (no quoted keys, slices, unions or negative indexes); ${PATH_EXAMPLE}`,
  'path.dollar': (d) => `path ${s(d.path)}: "$" may only appear at the very start of a path; ${PATH_EXAMPLE}`,
  'path.empty_segment': (d) => `path ${s(d.path)} has an empty segment; ${PATH_EXAMPLE}`,
  'path.reserved_char': (d) => `path ${s(d.path)} contains ${s(d.char)} which is not allowed in a property name (it has a meaning in JSONPath); ${PATH_EXAMPLE}`,
  'operator.unknown': (d) => {
    const known = `known operators: ${s(d.operators)}; decorators (written "decorator:operator"): ${s(d.decorators)}`;
    if (d.empty) return `operator ${s(d.operator)} has an empty part around ":"; ${known}`;
    const problems = listOf<{ kind: string; part: string; suggestion?: string }>(d.problems).map((p) =>
      p.kind === 'operator_before_colon'
        ? `"${p.part}" is an operator, but only decorators may come before ":"`
        : p.kind === 'unknown_decorator'
          ? `unknown decorator "${p.part}"${hint(p.suggestion)}`
          : p.kind === 'decorator_last'
            ? `"${p.part}" is a decorator and needs an operator after it, e.g. "${p.part}:equal"`
            : `unknown operator "${p.part}"${hint(p.suggestion)}`,
    );
    const head = d.single ? `unknown operator ${s(d.operator)}` : `unknown operator ${s(d.operator)}: ${problems.join('; ')}`;
    return d.suggestion ? `${head}; did you mean "${s(d.suggestion)}"?` : `${head}; ${known}`;
  },
  'schema.operator_required': () => 'a fact condition needs an "operator"',
  'schema.fact_required': () => '"fact" must name a fact',
  'schema.fact_name_empty': () => 'out of range: a fact name cannot be empty',
  'schema.priority_positive': () => 'out of range: priority must be a positive integer',
  'schema.span_negative': () => 'out of range: a span cannot be negative',
  'schema.any_empty': () => 'out of range: "any" needs at least one condition (json-rules-engine treats an empty "any" as true)',
  'schema.all_list': () => '"all" must be a list of conditions',
  'schema.any_list': () => '"any" must be a list of conditions',
  'schema.condition_name': () => '"condition" must be the name of a named condition',
  'schema.condition_name_empty': () => 'out of range: a condition name cannot be empty',
  'schema.path_string': () => 'a path must be a string such as "a.b[0]" or "$.a.b[0]"',
  'schema.too_small': (d) => `out of range: Too small: expected ${s(d.origin)} ${SIZE_UNITS_EN[s(d.origin)] ? 'to have' : 'to be'} ${d.exact ? 'exactly ' : d.inclusive === false ? '>' : '>='}${s(d.limit)}${SIZE_UNITS_EN[s(d.origin)] ? ` ${SIZE_UNITS_EN[s(d.origin)]}` : ''}`,
  'schema.too_big': (d) => `out of range: Too big: expected ${s(d.origin) || 'value'} ${SIZE_UNITS_EN[s(d.origin)] ? 'to have' : 'to be'} ${d.exact ? 'exactly ' : d.inclusive === false ? '<' : '<='}${s(d.limit)}${SIZE_UNITS_EN[s(d.origin)] ? ` ${SIZE_UNITS_EN[s(d.origin)]}` : ''}`,
  'test.cannot_read': (d) => `cannot read the ${d.what === 'record' ? 'record' : 'standard'} ${s(d.file)}: ${s(d.detail)}`,
  'test.outside_roots': (d) => `the ${d.what === 'record' ? 'record' : 'standard'} "${s(d.ref)}" is outside the folders a test file may name (its own folder's, the working directory's, and any --allow-root): name its folder with --allow-root`,
  'test.not_file': (d) => `the ${d.what === 'record' ? 'record' : 'standard'} "${s(d.ref)}" is not a regular file (a folder, a device or a pipe)`,
  'test.too_large': (d) => `the ${d.what === 'record' ? 'record' : 'standard'} "${s(d.ref)}" is larger than ${s(d.limit)} bytes`,
  'record.invalid': (d) => `${s(d.detail)}`,
  // A library's failure (messages/library.ts): its own English words, as it said them.
  'record.json_syntax': (d) => s(d.detail),
  'record.yaml_syntax': (d) => s(d.detail),
  'library.system': (d) => s(d.detail),
  'usage.error': (d) => s(d.detail),
  'pdf.no_chromium': (d) => `--format pdf needs Chromium, and there is none at ${s(d.path)}: install it (Debian/Ubuntu: apt-get install chromium fonts-wqy-microhei) or set SCORESHEET_CHROMIUM to its path; --format html -o report.html and the browser's Print work too`,
  'pdf.no_playwright': () => '--format pdf needs the npm package playwright-core (it drives Chromium): npm install playwright-core',
  'pdf.failed': (d) => `cannot print the PDF with ${s(d.path)}: ${s(d.detail)}`,
  'test.expects_nothing': () => 'the case expects nothing: give total, band, verdict, lines, notLines, outcomes or rejected',
  'test.record_invalid': (d) => `the record is invalid: ${s(d.problems)}`,
  'test.history_invalid': (d) => `history[${s(d.index)}] is invalid: ${s(d.problems)}`,
  'record.schema_unknown_fields': (d) => `unknown field(s): ${s(d.keys)}`,
  'record.schema_too_small': (d) =>
    d.origin === 'string' ? (s(d.limit) === '1' ? 'must not be empty' : `needs at least ${s(d.limit)} characters`)
      : d.origin === 'array' || d.origin === 'set' ? `needs at least ${s(d.limit)} entries`
      : d.inclusive ? `too small: must be at least ${s(d.limit)}` : `too small: must be more than ${s(d.limit)}`,
  'record.schema_too_big': (d) =>
    d.origin === 'string' ? `may have at most ${s(d.limit)} characters`
      : d.origin === 'array' || d.origin === 'set' ? `may have at most ${s(d.limit)} entries`
      : d.inclusive ? `too large: must be at most ${s(d.limit)}` : `too large: must be less than ${s(d.limit)}`,
  'record.schema_invalid_type': (d) => `expected ${TYPE_NAMES_EN[s(d.expected)] ?? s(d.expected)}`,
  'record.schema_invalid_value': (d) => `expected one of ${s(d.values)}`,
  'record.schema_invalid_format': (d) => `not a valid ${s(d.format)}`,
  'input.xlsx_encrypted': (d) => `cannot read ${s(d.file)}: it is a password-protected workbook (or an old .xls), not an .xlsx: remove the password or save it as .xlsx in Excel or WPS, then read it again`,
  'input.xlsx_not_zip': (d) => `cannot read ${s(d.file)}: it is not an .xlsx workbook (an .xlsx is a zip archive)${d.detail ? `: ${s(d.detail)}` : ''}`,
  'input.xlsx_unpacked_too_large': (d) => `cannot read ${s(d.file)}: the workbook unpacks to more than ${s(d.limit)} bytes (an eighth of --max-file-bytes), so it is not read; save the sheet as CSV, which is read a row at a time`,
  'input.xlsx_no_sheet': (d) => `${s(d.file)} has no sheet ${d.sheet ? `"${s(d.sheet)}"` : 'to read'}; ${s(d.sheets) === '' ? 'it has no sheets at all' : `its sheets: ${s(d.sheets)}`}`,
  'input.draft_no_criteria': (d) => `${s(d.file)} has no 评分标准 column in its first 10 rows: a score sheet needs one (and 类别, 项目, 分值 columns beside it)`,
  'input.draft_too_many_rows': (d) => `cannot read ${s(d.file)}: its sheet has more than ${s(d.limit)} rows (empty ones counted), and a score sheet is read whole; delete the empty rows below the table, or save the sheet as CSV`,
  'input.xlsx_async': (d) => `${s(d.file)}: a workbook is read asynchronously: use streamRecords or readXlsxRecords`,
  'record.xlsx_formula': (d) => `cell ${s(d.cell)} holds a formula (${s(d.formula)}) with no saved value, so the row cannot be read: open the workbook in Excel or WPS and save it, or paste the values`,
  'record.xlsx_error_value': (d) => `cell ${s(d.cell)} holds the error ${s(d.value)}, so the row cannot be read`,
  'input.unreadable': (d) => `cannot read ${s(d.file)}: ${s(d.detail)}`,
  'assess.weight_sum': (d) => `the weights add up to ${s(d.sum)}, not ${s(d.total)} as declared: give each part (or stage) its share so that they add up`,
  'assess.flat_scale': (d) => `best and worst are both ${s(d.best)}: a part's scale needs two different ends (best earns the whole weight, worst nothing)`,
  'assess.kind_twice': (d) => `kind "${s(d.kind)}" is already a kind of stage "${s(d.stage)}": a record's kind says its one stage`,
  'assess.same_standard': (d) => `part "${s(d.part)}" already reads standard "${s(d.standard)}": records name their standard by id, so each part needs its own standard`,
  'input.not_encoding': (d) => `cannot read ${s(d.file)}: its bytes are not valid ${s(d.encoding)} (save it as UTF-8, or give --encoding gb18030 for a sheet saved by Excel on a Chinese Windows machine)`,
  'record.unreadable': () => 'the record cannot be read: reading one of its fields failed (a getter or proxy that throws); give plain data',
  'record.history_order': (d) => `dated ${s(d.date)}, before the unit's record of ${s(d.last)}: with rectification and repeats, a stream gives each unit's records in date order (sort the records by date)`,
  'record.unknown_finding': (d) => `no earlier finding has the id "${s(d.finding)}" (a follow-up names findings by their id; docs/rectification.md)`,
  'record.duplicate_finding': (d) => `another finding already has the id "${s(d.finding)}"`,
  'record.unknown_item': (d) => `unknown item "${s(d.item)}"${hint(d.suggestion)}`,
  'record.unknown_kind': (d) => `unknown inspection kind "${s(d.kind)}"${hint(d.suggestion)}`,
  'record.unknown_level': (d) => `unknown event level "${s(d.level)}"${hint(d.suggestion)}`,
  'record.points_required': (d) => `this item needs the inspector's points, between ${s(d.min)} and ${s(d.max)}`,
  'record.points_out_of_range': (d) => `${points(d.points)} is outside the item's range ${s(d.min)}–${s(d.max)}`,
  'record.note_required': (d) => `a judgement ${d.effect === 'award' ? 'award' : 'deduction'} needs the inspector's note saying why`,
  'record.wrong_standard': (d) => `the record is for standard "${s(d.wanted)}", not "${s(d.standard)}"`,
  'record.no_standard_named': (d) => `the record names no standard, and several are loaded: ${s(d.loaded)}`,
  'record.unknown_standard': (d) => `unknown standard "${s(d.standard)}"; loaded: ${s(d.loaded)}`,
  'record.no_edition': (d) => `no edition of ${s(d.standard)} is in force on ${s(d.date)}; editions: ${s(d.editions)}`,
  'record.duplicate': (d) => `another record has the id "${s(d.id)}" (first at ${s(d.first)})`,
  'record.invalid_date': () => 'not a calendar date (YYYY-MM-DD, a day that exists)',
  'record.not_whole_number': () => 'a count must be a whole number',
  'record.too_precise': tooPrecise,
  'record.number_too_large': (d) => `${s(d.value)} is too large: at most ${s(d.max)} can be scored exactly`,
  'record.quantity_too_large': (d) => `too large to score exactly: the points it gives would exceed ${s(d.max)}`,
  'record.unassigned_area': (d) => `no unit is responsible for area "${s(d.area)}" on ${s(d.date)} in the roster`,
  'record.round_finding_without_unit': () => 'a finding of an inspection round must name its unit or area',
  'record.csv_cell': (d) =>
    `column "${s(d.column)}": "${s(d.value)}" is not ${d.expected === 'whole_number' ? 'a whole number' : d.expected === 'boolean' ? 'yes or no (是/否)' : 'a number'}`,
  'record.csv_conflict': (d) => `column "${s(d.column)}" says "${s(d.value)}" here but "${s(d.first)}" at line ${s(d.line)}, in the same inspection`,
  'record.csv_split': (d) => `this inspection's rows are not together: it began at line ${s(d.first)}; keep each inspection's rows next to each other`,
  'record.csv_no_item': (d) => `column "${s(d.column)}" is filled in but the item column "${s(d.item)}" is empty`,
  'record.due_without_rectify': (d) => `a deadline (due ${s(d.due)}) on a finding whose item has no rectification (rectify)`,
  'record.due_before_found': (d) => `the deadline ${s(d.due)} is before the day the finding was made (${s(d.date)})`,
  'record.csv_orphan_cell': (d) => `column "${s(d.column)}" is filled but column "${s(d.item)}" records nothing`,
  'record.csv_orphan_note': (d) => `column "${s(d.column)}" has a note but column "${s(d.item)}" records nothing`,
  'record.csv_unmapped': (d) => `column "${s(d.column)}" is not in the map (it says "${s(d.value)}"): map it, or list it under ignore:`,
  'record.csv_short_row': (d) => `this row has ${s(d.cells)} cells but the header has ${s(d.columns)} columns: the cells from column "${s(d.column)}" on are missing (a row cut short reads as nothing found)`,
  'record.csv_unclosed_quote': (d) => `the quote that opens cell ${s(d.column)} of this row is never closed, so the row cannot be read (reading goes on at the next line)`,
  'record.csv_beside_unreadable': (d) => `left out: the row at line ${s(d.line)}, next to it, cannot be read and may have been one of its rows`,
  'record.invalid_bytes': (d) => `byte 0x${s(d.byte)} at line ${s(d.line)} (byte ${s(d.offset)} of the file) is not ${s(d.encoding)}, the file's encoding${Number(d.more) > 0 ? ` (nor are ${s(d.more)} more on this row)` : ''}`,
  'record.csv_cut_short': (d) => `this inspection may go on past line ${s(d.line)}, where the CSV cannot be read, so it is left out`,
  'record.csv_syntax': (d) => `CSV syntax error, the rest of the file cannot be read: ${s(d.detail)}`,
  'record.too_large': (d) => `the record is longer than ${s(d.limit)} bytes (--max-record-bytes), so it is left out unread`,
  'record.csv_too_large': (d) => `the CSV record is longer than ${s(d.limit)} bytes (--max-record-bytes); the rest of the file cannot be read`,
  'record.csv_too_large_unclosed': (d) => `the CSV record is longer than ${s(d.limit)} bytes (--max-record-bytes): a quote in it is never closed, so it runs to the end of the file and nothing after it can be read`,
  'record.file_too_large': (d) => `the file is larger than ${s(d.limit)} bytes (--max-file-bytes); JSON and YAML are read whole: split the file, or write NDJSON, which is read a line at a time`,
  'cli.problems_not_shown': (d) => `${s(d.count)} more problem(s) not shown (--max-problems ${s(d.max)})`,
  'line.fixed_unknown': (d) => (d.effect === 'award' ? 'awarded, but the standard gives no points for it: the total is unknown' : 'not met, but the standard gives no points for it: the total is unknown'),
  'import.lives_csv_syntax': (d) => `${s(d.file)}: CSV syntax error, the file cannot be read: ${s(d.detail)}`,
  'import.lives_missing_column': (d) => `${s(d.file)} has no column "${s(d.column)}"`,
  'import.lives_bad_date': (d) => `"${s(d.value)}" is not a date (M/D/YY, M/D/YYYY, YYYYMMDD or YYYY-MM-DD): the row is left out`,
  'import.lives_bad_score': (d) => `score "${s(d.value)}" is not a number: the record carries no official score`,
  'import.lives_no_code': (d) => `a violation of business ${s(d.business)} on ${s(d.date)} has no code: that inspection's items are not known, so it is left out`,
  'import.lives_orphan_violation': (d) => `no inspection of business ${s(d.business)} on ${s(d.date)}: the violation of item ${s(d.code)} is left out`,
  'import.lives_unknown_business': (d) => `business ${s(d.business)} is not in businesses.csv: its records have no name`,
};

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Why a period score is null (`unscored`): a unit's, or a roll-up member's beside its name. */
const UNSCORED = { no_inspection: 'not inspected', indeterminate: 'score indeterminate', too_large: 'score beyond the exact range of points' };

/** Why a unit has no rank, in every league table (rank, report). */
const UNRANKED = { no_inspection: `unranked: ${UNSCORED.no_inspection}`, too_few_inspections: 'unranked: too few inspections', indeterminate: `unranked: ${UNSCORED.indeterminate}`, too_large: `unranked: ${UNSCORED.too_large}` };

/**
 * English words of every table, heading and line a person reads (the reports, the CLI's summaries,
 * the CSV sheets and their maps). Its shape is the shape every locale's words take (`Words`).
 */
/** What `import lives` says of a feed it read. */
export interface LivesSummaryWords {
  readonly municipality?: string;
  readonly date?: string;
  readonly version?: string;
  readonly businesses: number;
  readonly inspections: number;
  readonly violations: number;
  readonly records: number;
  readonly ambiguousKeys: number;
  readonly ambiguousRecords: number;
  readonly uncertainRecords: number;
}

export const enWords = {
  /** Scorecards in a terminal (score --format text). */
  scorecard: { item: 'item', type: 'type', points: 'points', reason: 'reason', source: 'source', total: 'total', band: 'band', verdict: 'verdict', none: '—', incomplete: ' (incomplete: some items could not be scored)', categories: 'categories' },
  verdict: { pass: 'pass', fail: 'fail', indeterminate: 'indeterminate', not_eligible: 'not eligible' },
  /** What a scorecard line is, in its type column. */
  lineType: { deduction: 'deduction', award: 'award', veto: 'veto', prerequisite_unmet: 'prerequisite', not_applicable: 'n/a', capped: 'capped', threshold_unmet: 'threshold' },
  /** Scorecards as CSV (score --format csv). */
  csv: {
    headers: ['record', 'standard', 'unit_id', 'unit', 'date', 'kind', 'level', 'inspector', 'total', 'band', 'verdict', 'complete', 'line', 'type', 'item_id', 'item', 'category', 'points', 'reason', 'note', 'source'],
    yes: 'yes',
    no: 'no',
  },
  /** Scorecards as Markdown (score --format md). */
  markdown: {
    item: 'item', type: 'type', points: 'points', reason: 'reason', note: 'note', source: 'source', total: 'total', band: 'band', verdict: 'verdict',
    none: '—', noLines: 'No deductions or awards.', incomplete: 'incomplete: some rules could not be scored', categories: 'Categories',
    rejected: 'Rejected records', line: 'line', record: 'record', field: 'field', code: 'code', problem: 'problem', summary: 'Summary', scorecards: 'Scorecards',
  },
  /** League tables (rank). */
  league: {
    rank: 'rank', unit: 'unit', score: 'score', inspections: 'inspections', change: 'change', awards: 'awards', period: 'period', group: 'group', top: 'top board', bottom: 'bottom board', warning: 'last in its group', streak: 'streak', separator: '; ',
    tieBreakers: { 'fewer-vetoes': 'fewer vetoes', 'fewer-deductions': 'fewer deductions', 'better-latest': 'the better latest inspection', 'more-inspections': 'more inspections', order: 'the order of unit ids' } as Record<string, string>,
    tieFootnote: (units: string, score: string, by: string) => `* ${units} scored ${score} alike: placed by ${by}`,
    tieThen: ', then ',
    unitSep: ', ',
    unranked: UNRANKED,
    /** A roll-up's tables (groups ranked from their members): its name and how the members add up. */
    rollup: (name: string, aggregate: string) => `${name} (${aggregate})`,
    aggregates: { mean: 'mean of the members', sum: 'sum of the members', min: 'lowest member', max: 'highest member', passing: '% of members passing' },
    members: 'members',
    /** A member without a score in a roll-up's member list, with why (its group's score is null for it). */
    unscored: UNSCORED,
    memberWhy: (name: string, why: string) => `${name} (${why})`,
    /** A group award named on a member's row (shared by every member, 同奖). */
    shared: (award: string, group: string) => `${award} (with ${group})`,
    assumption: 'assumption',
    /** Inspections in no period of the calendar (a holiday, between terms), left out of the tables. */
    leftOut: {
      why: {
        holiday: (term: string, holiday?: string) => (holiday ? `in the holiday ${holiday} of term ${term}` : `in a holiday of term ${term}`),
        outside_terms: 'outside every term',
        no_calendar: 'in no term (no calendar)',
      },
      inspection: (record: string | undefined, unit: string, date: string) => `${record !== undefined ? `#${record} ` : ''}${unit} ${date}`,
      line: (inspection: string, why: string) => `${inspection}: ${why}`,
      note: (n: number) => `${plural(n, 'inspection is', 'inspections are')} in no period of the calendar and left out of these tables:`,
      more: (n: number) => `… and ${n} more`,
      warning: (inspection: string, why: string) => `warning: inspection ${inspection} is ${why}: left out of the league`,
      warnings: (n: number, shown: number, first: string) => `warning: ${n} inspections are in no period of the calendar and are left out of the league; the first ${shown}: ${first}`,
      sep: '; ',
    },
    /** A period score refused because it would pass the exact range of points (its row is unranked). */
    tooLarge: {
      score: (unit: string, period: string) => `${unit} ${period}`,
      warning: (score: string, max: number) => `warning: the score of ${score} would pass the exact range of points (±${max}): refused, its row is unranked`,
      warnings: (n: number, max: number, shown: number, first: string) => `warning: ${n} scores would pass the exact range of points (±${max}): refused, their rows are unranked; the first ${shown}: ${first}`,
      sep: '; ',
    },
  },
  /** The report as Markdown (report --format md). */
  reportMarkdown: {
    report: 'League report', asOf: 'as of', rank: 'rank', unit: 'unit', score: 'score', inspections: 'inspections', change: 'change', awards: 'awards',
    top: 'Top board', bottom: 'Bottom board', allUnits: 'All units',
    unranked: UNRANKED,
    costliest: 'Items that cost the most points', item: 'item', lost: 'points lost', times: 'times', unitsCharged: 'units', source: 'clause', none: 'No points were lost.',
    /** Points lost to an item whose sum would pass the exact range of points (refused, not shown inexact). */
    beyondRange: 'beyond the exact range of points',
    details: 'Deductions this period', date: 'date', points: 'points', reason: 'reason', total: 'total', colon: ': ', sep: ', ',
    note: (note: string) => ` (${note})`,
    warning: (name: string, n: number) => `${name} has been last in its group ${n} periods running`,
    streak: (name: string, award: string, n: number) => `${name} has held the ${award} ${n} periods running`,
    rejected: (n: number) => `${n} record(s) could not be scored and are left out.`,
    notInspected: (n: number) => `Not inspected this period (${plural(n, 'unit', 'units')})`,
  },
  /** The report as HTML (report). */
  html: {
    report: 'League report',
    asOf: (p: string) => `as of ${p}`,
    by: { week: 'weekly', month: 'monthly', quarter: 'quarterly', term: 'per term', year: 'yearly' },
    groupedBy: (k: string) => `grouped by ${k}`,
    stats: (u: number, i: number, l: number) => `${u} units · ${i} inspections · ${l} scorecard lines`,
    rejected: (n: number) => `${plural(n, 'record', 'records')} could not be scored and ${n === 1 ? 'is' : 'are'} left out of this report (see the command's messages).`,
    nav: { league: 'League tables', costliest: 'Costliest items', units: 'Units in detail', history: 'Earlier periods' },
    league: 'League tables',
    allUnits: 'All units',
    rank: 'Rank',
    unit: 'Unit',
    score: 'Score',
    inspections: 'Inspections',
    change: 'Change',
    awards: 'Awards',
    trend: 'Trend',
    top: 'Top board',
    bottom: 'Bottom board',
    unranked: UNRANKED,
    warning: (name: string, n: number) => `${name} has been last in its group ${n} periods running`,
    streak: (name: string, award: string, n: number) => `${name} has held the ${award} ${n} periods running`,
    costliest: (n: number) => `Items that cost the most points (top ${n})`,
    costliestNone: 'No points were lost in the periods of this report.',
    beyondRange: 'beyond the exact range of points',
    item: 'Item',
    lost: 'Points lost',
    times: 'Times',
    unitsCharged: 'Units',
    source: 'Clause',
    units: 'Units in detail',
    unitsHint: "Open a unit for its score trend and every inspection's deductions, reasons and clauses.",
    /** A unit's line in the units list: its score this period (already formatted), rank and number of lines. */
    unitSummary: (score: string | null | undefined, rank: number | null, ranked: number, lines: number) =>
      score === undefined ? '' : score === null ? 'no score this period' : `score ${score}${rank !== null ? ` · rank ${rank} of ${ranked}` : ''} · ${lines} line(s)`,
    rankOf: (r: number, of: number) => `rank ${r} of ${of}`,
    date: 'Date and inspection',
    points: 'Points',
    reason: 'Reason',
    note: 'Note',
    total: 'total',
    clean: (n: number) => `${n} more ${n === 1 ? 'inspection' : 'inspections'} without deductions.`,
    shortfall: (id: string, missing: number, pts: number) => `Too few inspections (${id}): ${missing} missing, ${points(pts)}`,
    history: 'Earlier periods',
    historyHint: 'Open a period for its league tables.',
    notInspected: (n: number) => `Not inspected this period (${plural(n, 'unit', 'units')})`,
    notInspectedIn: 'Not inspected in',
    trendTitle: (name: string) => `${name}: score by period`,
    generated: (by: string) => `Generated by ${by}`,
    week: (n: number) => `wk ${n}`,
    colon: ': ',
    listSep: ', ',
    groupSep: '; ',
    /** Between the parts of a heading, a caption or a line of facts. */
    dot: ' · ',
    /** No value: no rank, no score. */
    none: '—',
    /** Between the clauses behind an item. */
    sourceSep: '; ',
    span: (from: string, to: string) => `${from} – ${to}`,
    /** Between the scores of a trend. */
    valueSep: ', ',
    trendValues: (values: string) => `Trend: ${values}`,
    scoreOf: (score: string) => `Score ${score}`,
    inspectionsOf: (n: number) => `Inspections ${n}`,
    totalOf: (total: string) => `total ${total}`,
    kindAndLevel: (kind: string, level: string | undefined) => (level === undefined ? kind : `${kind}/${level}`),
    /** The award's line on a unit's chart. */
    awardMin: (award: string, min: string) => `${award} ≥ ${min}`,
  },
  /** A period's label: 2024-W10 (week 2) in a term calendar. */
  termWeek: (key: string, week: number) => `${key} (week ${week})`,
  /** Workbooks (score / rank / report --format xlsx, template --format xlsx). */
  xlsx: {
    unitId: 'unit id', veto: 'veto (一票否决)', summarySheet: 'Scorecards', summaryTitle: 'Scorecards', linesSheet: 'Lines', linesTitle: 'Deductions, awards and vetoes',
    recordsSheet: 'Records', listsSheet: 'Lists', units: 'units', items: 'items', kinds: 'inspection kinds', levels: 'event levels',
    pickTitle: 'Pick from the list',
    pick: (what: string) => `Pick one of the ${what} from the list.`,
    pointsTitle: 'Points',
    points: (min: string, max: string) => `Points between ${min} and ${max}.`,
    pointsOfItem: 'Points within the range of the item picked on this row.',
    countTitle: 'Count',
    count: 'A whole number, 0 or more (empty or 0 = nothing found).',
    dateTitle: 'Date',
    date: 'A date, such as 2024-03-04.',
    evidenceTitle: 'Written material',
    evidence: 'Yes or no: was written material shown?',
    wrong: 'Not allowed here',
  },
  weekNumber: (week: number) => `week ${week}`,
  weekRange: (start: string, end: string) => `${start} – ${String(start).slice(0, 4) === String(end).slice(0, 4) ? String(end).slice(5) : end}`,
  /** The blank CSV sheet and its map (template). */
  sheet: {
    id: 'record id', unitId: 'unit id', unitName: 'unit name', date: 'date', kind: 'kind', level: 'level', inspector: 'inspector',
    item: 'item', count: 'count', points: 'points', value: 'value', note: 'note', evidence: 'written material',
    suffix: (base: string, what: string) => `${base} (${what})`,
    dateHint: 'YYYY-MM-DD (2024/3/4 is read too)',
    groupHint: (key: string) => `the unit's group (rank --group-by ${key})`,
    booleanWords: 'yes/no',
    countHint: 'a whole number; empty = 1',
    findingId: 'finding id', occurred: 'occurred', due: 'deadline', dueHint: 'optional: the deadline the rectification notice set (else the standard\'s)', followFinding: 'follow-up of finding', followFixed: 'fixed', followNote: 'follow-up note',
    findingIdHint: 'optional: the finding\'s own id (else record id#place)',
    followHint: 'a follow-up (复查) row: the id of the earlier finding it checked',
    columnsComment: '# CSV column → record field',
    keyComment: '# Neighbouring rows with the same values in these columns are one inspection',
    itemsComment: '# Item columns: count (empty or 0 = nothing found), points, value, evidence (yes/no: written material shown)',
    valuesComment: '# What a cell may say → the value it stands for (ids are accepted too)',
  },
  /** The CLI's own lines. */
  cli: {
    pageScriptMissing: (path: string) => `the page's script is missing (${path}): build the package first (npm run build)`,
    checkSummary: (standards: number, errors: number, warnings: number) => `${standards} standard(s) checked: ${errors} error(s), ${warnings} warning(s)`,
    rejectedRecords: 'Rejected records:',
    scoreSummary: (t: { scored: number; rejected: number; pass: number; fail: number; indeterminate: number; not_eligible: number }) =>
      `scored ${t.scored}, rejected ${t.rejected}; pass ${t.pass}, fail ${t.fail}, indeterminate ${t.indeterminate}, not eligible ${t.not_eligible}`,
    noDifferences: 'no differences',
    changedScores: (n: number) => `inspections whose score changes: ${n}`,
    changedRanks: (n: number) => `rank changes: ${n}`,
    changedScoresHeading: 'Changed scores',
    changedRanksHeading: 'Changed ranks',
    unknownInputFormat: (source: string) => `cannot tell the format of ${source}: use --input-format json|yaml|ndjson|csv`,
    unknownRollup: (id: string, known: string) => `the standard has no roll-up ${id} (its ranking.rollups: ${known || 'none'})`,
    /** diff --records takes no --input-format: the file's name must tell. */
    unknownRecordsFormat: (source: string) => `cannot tell the format of ${source}`,
    outputEncodingCsvOnly: '--output-encoding applies to --format csv only',
    unknownImportFormat: (source: string) => `unknown import format "${source}": the one supported is "lives"`,
    /** `import lives`: what the feed held and what it became. */
    livesSummary: (f: LivesSummaryWords) =>
      `LIVES ${f.municipality ? `feed of ${f.municipality}` : 'feed'}${f.date ? ` (${f.date}${f.version ? `, version ${f.version}` : ''})` : ''}: ` +
      `${f.businesses} businesses, ${f.inspections} inspections, ${f.violations} violations → ${f.records} records; ` +
      `${f.ambiguousKeys} business+date keys hold 2+ inspections (${f.ambiguousRecords} records); ${f.uncertainRecords} records have uncertain findings`,
    compareNeedsStandard: '--compare needs --standard: the records must be scored to be compared',
    cannotWrite: (file: string, detail: string) => `cannot write ${file}: ${detail}`,
    pdfNeedsOutput: '--format pdf needs -o FILE.pdf',
    xlsxNeedsOutput: '--format xlsx needs -o FILE.xlsx',
    noSuchPeriod: (at: string, periods: string) => `--at ${at}: no such period; the records have ${periods || 'none'}`,
    templateNeedsOne: (given: string, count: number, refs: string) => `template needs exactly one standard; ${given} holds ${count}: ${refs}`,
    alreadyExists: (path: string) => `${path} already exists (use --force to overwrite it)`,
    cannotWriteTemplate: (detail: string) => `cannot write the template: ${detail}`,
  },
  /** `scoresheet test`'s lines; the closing "N passed, N failed" stays English for CI parsers. */
  test: {
    /** A line above the closing one, in the reader's language; '' for none. */
    summary: (_passed: number, _failed: number) => '',
    mismatch: (what: string, expected: string, actual: string) => `${what}: expected ${expected}, got ${actual}`,
    unwantedLine: (pattern: string, found: string) => `unwanted line: expected no line like ${pattern}, got ${found}`,
    cannotReadRecord: (path: string, detail: string) => `cannot read the record ${path}: ${detail}`,
    cannotReadStandard: (path: string, detail: string) => `cannot read the standard ${path}: ${detail}`,
    suiteUncovered: (n: number) => `coverage: ${n} rule(s) or outcome(s) no case exercises:`,
    uncovered: (n: number) => `coverage: ${n} rule(s) or outcome(s) no case exercises (listed above)`,
    noCases: (standard: string, expected: string) => `no test cases for ${standard} (expected ${expected})`,
  },
  /** The offline inspection form (scoresheet form) and the playground (scoresheet playground). */
  page: {
    form: 'Inspection form',
    playground: 'scoresheet playground',
    language: 'Language',
    inspection: 'Inspection',
    unit: 'Unit',
    unitId: 'Unit id',
    unitName: 'Unit name',
    kind: 'Kind of inspection',
    level: 'Level',
    date: 'Date',
    inspector: 'Inspector',
    choose: '— choose —',
    count: 'Times found',
    points: 'Points',
    value: 'Value',
    note: 'Note',
    evidence: 'Written material shown',
    maxPoints: (p: string) => `${p} points`,
    scorecard: 'Scorecard',
    noLines: 'No deductions or awards.',
    refused: 'Not accepted yet:',
    finish: 'Finish inspection',
    finished: (n: number) => `Finished inspections on this device: ${n}`,
    exportNdjson: 'Export NDJSON',
    exportCsv: 'Export CSV',
    clearForm: 'New inspection',
    clearFinished: 'Delete finished inspections',
    draftKept: 'The draft is kept on this device as you type.',
    standard: 'Standard (YAML)',
    record: 'Record (YAML or JSON)',
    shipped: 'Shipped standard',
    ownStandard: '(your own)',
    diagnostics: 'Problems',
    noProblems: 'No problems.',
    recordSyntax: (detail: string) => `the record is not YAML or JSON: ${detail}`,
    notAStandard: 'Fix the standard to score the record.',
  },
  /** `--help`: what each command, argument and option is. */
  /** `import lives --compare`: how the computed scores agree with the official ones. */
  agreement: {
    labels: {
      exact: 'exact (items with published points only)',
      exact_inferred: 'exact, using an inferred item (36–38)',
      differs: 'differs from the official score',
      ambiguous_key: 'ambiguous key (2+ inspections on business+date): indeterminate',
      unknown_item: 'unknown item points (39–44): indeterminate',
      uncertain: 'other indeterminate (uncertain findings, missing facts)',
      no_official_score: 'no official score to compare',
      rejected: 'rejected by the standard (not scored)',
    } as Readonly<Record<'exact' | 'exact_inferred' | 'differs' | 'ambiguous_key' | 'unknown_item' | 'uncertain' | 'no_official_score' | 'rejected', string>>,
    headers: ['agreement with the official score', 'inspections'] as readonly string[],
    total: 'total',
    bandHeaders: ['band', 'computed', 'official'] as readonly string[],
    noBand: 'no band (indeterminate, or not scored)',
    difference: (d: { readonly record: string; readonly unit: string; readonly date: string; readonly official: number; readonly computed: number }) => `${d.record} (business ${d.unit}, ${d.date}): official ${d.official}, computed ${d.computed}`,
    differences: 'differences:',
    more: (n: number) => `… and ${n} more`,
  },
  /** Re-inspection cycles (outcomes.cycle): where an inspection stands, on a scorecard. */
  cycle: {
    label: 'cycle',
    position: { initial: 'initial inspection', reinspection: 're-inspection' } as Readonly<Record<'initial' | 'reinspection', string>>,
    none: 'none',
    /** One line: position, and the grade given, or pending with the grade carried; on a re-inspection, the initial band. */
    standing: (c: { position: string; pending: boolean; grade: string | undefined; carried: string | undefined; previous: string | undefined }) =>
      `${c.position}: ${c.pending ? `grade pending the re-inspection, ${c.carried ?? 'none'} carried meanwhile` : `grade ${c.grade ?? 'none'}`}${c.previous !== undefined ? ` (initial inspection: ${c.previous})` : ''}`,
  },
  /** Charges to parties (charges on items and rules), on a scorecard and in `scoresheet settle`. */
  charges: {
    label: 'charge',
    unit: { points: 'points', yuan: 'yuan' } as Readonly<Record<'points' | 'yuan', string>>,
    unnamed: '(not named in the record)',
    shareOf: (who: string, group: string) => `${who}: share of ${group}`,
    line: (c: { party: string; who: string; amount: string; unit: string; multiply: number | undefined }) => `${c.party} ${c.who}: ${c.amount} ${c.unit}${c.multiply !== undefined ? ` (found late: × ${c.multiply})` : ''}`,
  },
  /** The monthly settlement (scoresheet settle). */
  settle: {
    title: (month: string | undefined) => (month === undefined ? 'Monthly settlement of charges' : `Settlement of charges, ${month}`),
    headers: ['month', 'party', 'party name', 'who', 'unit', 'amount', 'findings'] as readonly string[],
    none: 'No charges.',
    summary: (n: number) => `${n} row(s)`,
  },
  actions: {
    nav: 'Rectification ledger',
    title: (asOf: string) => `Rectification ledger (整改台账) as of ${asOf}`,
    headers: ['unit', 'unit name', 'item', 'finding', 'found', 'due', 'status', 'closed', 'days overdue', 'note'] as readonly string[],
    status: { open: 'open', overdue: 'overdue', closed: 'closed' } as Readonly<Record<'open' | 'overdue' | 'closed', string>>,
    summary: (c: { open: number; overdue: number; closed: number }) => `${c.open} open, ${c.overdue} overdue, ${c.closed} closed`,
    none: 'No findings with a deadline.',
  },
  /** Assessments (scoresheet assess): composites and stages side by side. */
  assess: {
    period: 'period', rank: 'rank', unitId: 'unit id', unit: 'unit', total: 'total', band: 'band', flags: 'discrepancies', part: 'part', result: 'result', weight: 'weight', contribution: 'contribution',
    none: '—', separator: '; ',
    final: { last: 'final (last stage)', weighted: 'final (weighted)' } as Readonly<Record<'last' | 'weighted', string>>,
    missing: { no_inspection: 'not inspected', indeterminate: 'indeterminate', too_large: 'beyond the exact range of points' } as Readonly<Record<'no_inspection' | 'indeterminate' | 'too_large', string>>,
    periodOf: { week: 'weekly', month: 'monthly', quarter: 'quarterly', term: 'per term', year: 'yearly' } as Readonly<Record<'week' | 'month' | 'quarter' | 'term' | 'year', string>>,
    scale: (worst: number | undefined, best: number | undefined) => (worst === undefined ? 'scale (worst → best)' : `${worst} → ${best}`),
    undecided: (what: string) => `indeterminate: no result for ${what}`,
    explain: 'How each total is made',
    explainTitle: (unit: string, period: string, total: string, band: string | undefined) => `${unit}, ${period}: ${total}${band === undefined ? '' : ` (${band})`}`,
    flag: (from: string, to: string, difference: number, inflated: boolean) => `${from} → ${to}: ${difference > 0 ? '+' : ''}${difference}${inflated ? ` (${from} inflated)` : ''}`,
    assumptions: 'Assumptions',
    /** `assess`'s stderr warnings of inspections in no period (the league's say "the league"). */
    leftOut: {
      warning: (inspection: string, why: string) => `warning: inspection ${inspection} is ${why}: left out of the assessment`,
      warnings: (n: number, shown: number, first: string) => `warning: ${n} inspections are in no period of the calendar and are left out of the assessment; the first ${shown}: ${first}`,
    },
  },
  help: {
    description: 'Score inspections against YAML standards.',
    form_description: 'write the offline inspection form for a standard: one HTML file that works with no network, scores as the inspector types, and exports NDJSON and CSV',
    form_standard: 'the standard',
    form_units: 'the units to choose from (YAML or CSV)',
    form_output: 'the HTML file to write',
    playground_description: 'write the playground: one HTML page to edit a standard with the diagnostics of check as you type, and score a record against it',
    playground_output: 'the HTML file to write',
    allowRoot: 'a folder where `extends:` may also find a base, besides the working directory and the standard\'s own (repeatable)',
    check_description: 'validate standards: every error with file:line:col, all at once',
    check_standards: 'standard files, or directories of *.yaml standards',
    format: 'output format',
    check_noFrame: 'no code frame under each diagnostic',
    score_description: 'score inspection records (JSON, YAML, NDJSON, CSV; - for stdin)',
    score_records: 'record files, or - for standard input',
    score_standard: 'a standard, or a directory of them (repeatable)',
    score_failOn: 'exit 1 when any scorecard has this verdict: fail, indeterminate, not_eligible (repeatable)',
    score_inputFormat: 'format of the records (default: from the file name)',
    score_encoding: 'encoding of the input (default: UTF-8, or GB18030 when the bytes are not UTF-8)',
    score_outputEncoding: 'encoding of CSV output (default UTF-8 with BOM, for Excel)',
    score_sheet: 'xlsx: the sheet to read (default: the first visible sheet)',
    score_map: 'CSV mapping file (see `scoresheet template`)',
    score_units: 'the units an inspection round covers (YAML or CSV)',
    score_roster: 'who is responsible for which area when (YAML or CSV)',
    compile_description: 'print the JavaScript a standard compiles to (what scores its records; see docs/compiled.md)',
    compile_standards: 'the standard(s): files or directories',
    compile_emit: 'what to print: js, the generated scoring function of each edition',
    template_description: 'write the blank CSV sheet for a standard and its --map file',
    template_standard: 'the standard',
    template_layout: 'wide: one row per inspection, a column per item; long: one row per finding',
    template_out: 'directory to write <standard>.<layout>.csv and .map.yaml into',
    template_format: 'csv: the sheet and its --map file; xlsx: a workbook whose cells refuse bad entries, with its map inside',
    template_units: 'units (YAML or CSV, as rank --units) the unit cells offer (xlsx)',
    template_force: 'overwrite files already there',
    groupKey: 'a group key without dots or spaces (grade, 年级)',
    template_groupBy: 'add a column for this unit group key (repeatable), the one rank --group-by reads: --group-by grade',
    rank_description: 'league tables: rank units per period and group, with awards (流动红旗), boards and warnings',
    rank_standard: 'the standard (repeatable for editions)',
    rank_period: 'the period to rank',
    rank_groupBy: 'rank within each value of unit.group.<key> (a grade, a street)',
    rank_ties: 'tie policy (default: the standard\'s)',
    rank_units: 'the units to rank (YAML or CSV): each appears, inspected or not',
    rank_calendar: 'school terms (YAML): term periods and 第n周',
    rank_rollup: 'also rank the groups of one of the standard\'s ranking.rollups (an alliance from its communities), with their awards',
    rank_also: 'another standard (file or directory) whose records, naming it, only decide awards (exclude: [{ standard: …, verdict: fail }]); repeatable',
    rank_decimals: 'decimals shown for scores, 0–4 (default: the standard\'s ranking.display.decimals, else 2)',
    rank_weeks: 'week labels: key (2024-W10), number (week 10; the teaching week with a calendar) or range (its dates)',
    decimalsRange: 'a whole number from 0 to 4',
    rank_failOn: 'exit 1 when any scorecard has this verdict (repeatable)',
    rank_inputFormat: 'format of the records',
    rank_encoding: 'encoding of the input',
    rank_map: 'CSV mapping file',
    report_description: 'the league as a report people look at: one self-contained HTML file (tables, red flags, boards, trends, every deduction), Markdown, or an A4 PDF',
    settle_description: 'the monthly settlement of charges (考评兑现): what findings cost each party, per month, in points or yuan',
    settle_standard: 'the standard (repeatable for editions)',
    settle_month: 'only this month, YYYY-MM',
    settle_monthExpected: 'expected a month, YYYY-MM',
    settle_format: 'output format',
    assess_description: 'assessments that combine: a composite of other standards\' period results, or one standard\'s stages (self-assessment, review, final) side by side',
    assess_standard: 'the assessment file (assess: composite or assess: stages; see docs/assessments.md)',
    assess_period: 'the period each result covers',
    actions_description: 'the rectification ledger (整改台账): open, overdue and closed findings per unit, with due dates; exit 1 when anything is overdue',
    actions_standard: 'the standard (repeatable for editions)',
    actions_asOf: 'the day the ledger is as of, YYYY-MM-DD (default: today); records after it are not read',
    actions_format: 'output format',
    actions_dateExpected: 'expected a calendar date, YYYY-MM-DD',
    report_at: 'the period the report is as of, e.g. 2024-W11 (default: the latest); later periods are left out',
    report_top: 'how many of the costliest items to list',
    report_format: 'output format (pdf: headless Chromium, needs -o; xlsx: a workbook, needs -o)',
    report_output: 'write the report to this file (default: standard output)',
    output: 'write to this file instead of standard output (--format xlsx needs it)',
    test_description: "run standards' test cases (tests/<name>.test.yaml beside each standard)",
    test_paths: 'standards, directories of standards, or *.test.yaml files',
    test_coverage: 'list every rule and outcome no case exercises, and fail when there is one',
    diff_description: 'what differs between two standards (an overlay and its base, or two editions)',
    diff_a: 'the first standard',
    diff_b: 'the second standard',
    diff_exitCode: 'exit 1 when the standards differ',
    diff_records: 're-score these records under both (repeatable)',
    diff_period: 'with --records: compare ranks per period',
    diff_groupBy: 'with --period: rank within each value of unit.group.<key>',
    diff_units: 'units (YAML or CSV)',
    diff_roster: 'area responsibility roster (YAML or CSV)',
    import_description: 'convert a published inspection feed to records (NDJSON), or score it directly; format: lives (businesses.csv, inspections.csv, violations.csv, feed_info.csv)',
    import_source: 'the feed format: lives',
    import_dir: 'the directory holding the feed\'s files',
    import_standard: 'score the records against this standard instead of writing them (repeatable)',
    import_output: 'write the records here as NDJSON (default without --standard: standard output)',
    import_format: 'output format of scorecards (with --standard)',
    import_compare: 'with --standard: compare each total with the feed\'s official score and print the agreement table and band counts (exit 1 when one differs)',
    import_failOn: 'with --standard: exit 1 when any scorecard has this verdict (repeatable)',
    import_maxFileBytes: 'refuse a feed file (businesses.csv, inspections.csv, …) larger than this (file_too_large): each is read whole',
    draft_description: 'turn a score sheet (评分表: 类别 / 项目 / 分值 / 评分标准 columns, .xlsx or .csv) into a draft standard YAML; phrases it does not know become judgement rules and warnings naming their cells',
    draft_sheet: 'the score sheet (.xlsx or .csv)',
    draft_output: 'write the draft standard here (default: standard output)',
    draft_sheetName: 'the workbook\'s sheet to read (default: the first visible one)',
    langMessages: 'language of messages',
    langHeaders: 'language of the headers and item names',
    langReport: 'language of the report',
    langDefault: 'SCORESHEET_LANG, else the system\'s LANG (zh_* → zh-CN), else en',
    positiveWholeNumber: 'expected a positive whole number',
    wholeNumberExpected: 'expected a whole number, 0 or more',
    bytesExpected: 'expected a number of bytes, such as 1048576 or 1M',
    maxProblems: 'print this many problems on stderr as they are found, then only their count',
    maxRecordBytes: 'refuse an NDJSON line or CSV record longer than this (record_too_large)',
    maxFileBytes: 'refuse a JSON or YAML file larger than this (file_too_large): they are read whole',
    version: 'output the version number',
    helpOption: 'display help for command',
    helpCommand: 'display help for command',
    choices: 'choices: ',
    default: 'default: ',
    /** The headings of commander's help, by commander's (English) heading. */
    titles: { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global Options:' },
  },
};

/** The words every locale gives: the shape of the English ones. */
export type Words = typeof enWords;
