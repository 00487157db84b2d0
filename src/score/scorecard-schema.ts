/**
 * A zod schema of the Scorecard, mirroring the hand-written interfaces in ./scorecard.ts field for
 * field (test/schema.test.ts checks that the two agree, both at the type level and on scorecards the
 * scorer produces). It exists for consumers who read scorecards back from JSON (a report server, an
 * analyst's notebook) and for schema/scorecard.schema.json, which is generated from it.
 *
 * Objects are strict: a field the scorer starts to emit without being added here fails the tests.
 */
import { z } from 'zod';
import { UnitRefSchema } from '../record-schema.js';
import { LocalizedText } from '../common-schema.js';

const Text = LocalizedText.meta({ description: 'Text in zh-CN, en or both, copied from the standard.' });

export const MessageSchema = z
  .strictObject({
    messageId: z.string().min(1).meta({ description: 'Stable id of the wording in the message catalogues (`line.per_occurrence`, `condition.missing_fact`).' }),
    data: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'Values the wording interpolates. Render with renderMessage(message, locale).' }),
  })
  .meta({ description: "A reason as data: a message id plus the values it interpolates, rendered in the caller's locale by renderMessage." });

export const LineTypeSchema = z
  .enum(['deduction', 'award', 'veto', 'prerequisite_unmet', 'not_applicable', 'capped', 'threshold_unmet'])
  .meta({
    description:
      'deduction / award: a rule took or gave points; capped: a cap or floor gave points back (or took an award back); veto, prerequisite_unmet, threshold_unmet, not_applicable: 0-point lines that explain the verdict.',
  });

export const ScoreLineSchema = z
  .strictObject({
    type: LineTypeSchema,
    item: z.string().optional().meta({ description: "The item's id, or the category's id for a category-level rule or cap. Absent for total-level lines." }),
    category: z.string().optional().meta({ description: "The id of the item's category. Absent for total-level lines and vetoes/prerequisites." }),
    rule: z.string().meta({ description: 'Where the line comes from in the standard: `categories[0].items[8].rules[0]`, an item or category path for floors, `outcomes.vetoes[0]`, or `scoring` for the total cap and floor.' }),
    points: z.number().meta({ description: 'Signed contribution to the total, an exact decimal (−2, 0.5). Σ lines = total − base. 0 for lines that change no points.' }),
    reason: MessageSchema,
    source: z.string().optional().meta({ description: 'The clause of the source document (the rule\'s `source`, else the item\'s).' }),
    expected: z.string().optional().meta({ description: 'What the standard requires (thresholds, shortfalls, steps): `≥ 90`.' }),
    actual: z.string().optional().meta({ description: 'What the record showed: `86.5`.' }),
    finding: z.number().int().nonnegative().optional().meta({ description: 'Index of the finding in the record that produced the line.' }),
    note: z.string().optional().meta({ description: "The inspector's note on that finding." }),
  })
  .meta({ description: 'One line of a scorecard: which rule, how many signed points, and why.' });

export const CategoryTotalSchema = z
  .strictObject({
    id: z.string(),
    name: Text,
    points: z.number().meta({ description: 'Subtotal: its maximum (deduct mode) plus the signed points of its lines.' }),
    max: z.number().optional().meta({ description: "The category's maximum points, when the standard declares one." }),
  })
  .meta({ description: "A category's subtotal." });

export const VerdictSchema = z
  .enum(['pass', 'fail', 'indeterminate', 'not_eligible'])
  .meta({ description: 'not_eligible if a prerequisite is unmet; else fail if anything fails; else indeterminate if anything is unknown; else pass.' });

export const VerdictReasonSchema = z
  .strictObject({
    messageId: z.string().min(1),
    data: z.record(z.string(), z.unknown()).optional(),
    item: z.string().optional().meta({ description: 'The item the reason comes from, when it has one.' }),
    rule: z.string().optional().meta({ description: 'The rule, veto, prerequisite, band or derived outcome the reason comes from.' }),
  })
  .meta({ description: 'A reason the verdict is not pass (a message), with the item and rule it comes from.' });

const NamedRef = z.strictObject({ id: z.string(), name: Text });

export const DerivedOutcomeSchema = z
  .strictObject({
    id: z.string(),
    name: Text,
    value: z.number().meta({ description: 'The counted value: how many categories reached the score (stars).' }),
    tier: NamedRef.nullable().meta({ description: 'The highest tier whose `min` the value reaches, or null.' }),
  })
  .meta({ description: 'A derived outcome (stars → tier).' });

export const CycleStandingSchema = z
  .strictObject({
    position: z.enum(['initial', 'reinspection']).meta({ description: 'Where the inspection stands in its unit\'s cycle: an initial inspection (初查) or a re-inspection (复查).' }),
    pending: z.boolean().meta({ description: 'True when the grade waits for a re-inspection (待复查定级).' }),
    grade: NamedRef.nullable().meta({ description: 'The grade this inspection gives the unit; null while pending.' }),
    carried: NamedRef.nullable().optional().meta({ description: 'While pending: the unit\'s previous grade, carried until the re-inspection decides (null: none yet).' }),
    previous: NamedRef.nullable().optional().meta({ description: 'On a re-inspection: the band of the initial inspection it decides on (null: none).' }),
  })
  .meta({ description: 'A re-inspection cycle (outcomes.cycle of the standard).' });

export const ChargeSchema = z
  .strictObject({
    party: z.string().meta({ description: 'The party charged (one of the standard\'s parties).' }),
    name: Text.meta({ description: 'The party\'s name, as the standard gives it.' }),
    who: z.string().optional().meta({ description: 'Who that is: the unit\'s id for the unit\'s own party, else the record\'s parties[party]; absent when the record does not say.' }),
    unit: z.enum(['points', 'yuan']),
    amount: z.number().meta({ description: 'What is charged, an exact decimal, multiplied when found late.' }),
    item: z.string(),
    finding: z.number().meta({ description: 'Index of the finding in the record.' }),
    rule: z.string().meta({ description: 'Where the charge is in the standard: `categories[0].items[1].charges[0]`.' }),
    multiply: z.number().optional().meta({ description: 'The multiplier of a late discovery (foundLate), when it applied.' }),
    source: z.string().optional(),
    group: z.string().optional().meta({ description: 'For a group party: the unit.group key naming the group; who is the group.' }),
    shared: z.literal(true).optional().meta({ description: 'The group\'s charges are shared by its members in the settlement (同罚).' }),
    joint: z.string().optional().meta({ description: 'The party whose charge the group is jointly liable for (连带).' }),
  })
  .meta({ description: 'What one finding costs one party (charges of an item or rule).' });

export const ScorecardSchema = z
  .strictObject({
    standard: z.string().meta({ description: '`id@version` of the edition that scored the record.' }),
    record: z.string().optional().meta({ description: "The record's id." }),
    supersedes: z.string().optional().meta({ description: 'The id of the record this one replaces.' }),
    unit: UnitRefSchema.meta({ description: 'The inspected unit, as the record gives it.' }),
    date: z.string().meta({ description: 'Date of the inspection (YYYY-MM-DD).' }),
    kind: z.string().optional().meta({ description: 'Inspection kind, as the record gives it.' }),
    level: z.string().optional().meta({ description: 'Event level, as the record gives it.' }),
    inspector: z.string().optional(),
    mode: z.enum(['deduct', 'accumulate', 'award']).meta({ description: "The standard's scoring mode." }),
    base: z.number().meta({ description: 'Starting score: scoring.base (or the sum of the category maxima) in deduct mode, 0 otherwise.' }),
    lines: z.array(ScoreLineSchema).meta({ description: 'Every deduction, award, cap and explanation, in scoring order.' }),
    categories: z.array(CategoryTotalSchema).meta({ description: 'One subtotal per category, in the order of the standard.' }),
    total: z.number().meta({ description: 'base + Σ lines[].points.' }),
    complete: z.boolean().meta({ description: 'False when some rule could not be scored (a missing fact or value): the total is then not the real score.' }),
    band: NamedRef.nullable().meta({ description: 'The grade band the total falls in; null when no band applies or the total is not known.' }),
    outcomes: z.array(DerivedOutcomeSchema).meta({ description: 'One entry per derived outcome of the standard.' }),
    dimensions: z
      .array(z.strictObject({ id: z.string(), name: Text, band: NamedRef.nullable() }))
      .optional()
      .meta({ description: 'One entry per named outcome dimension of the standard (outcomes.dimensions: a grade, an action), in its order, with the band it falls in (null when none does or it is unknown); absent when the standard declares none. `band` is the default dimension (outcomes.bands).' }),
    verdict: VerdictSchema,
    reasons: z.array(VerdictReasonSchema).meta({ description: 'Every reason the verdict is not pass (empty when it is).' }),
    provenance: z
      .strictObject({
        scoresheet: z.string().meta({ description: 'Version of the scoresheet library that scored the record.' }),
        standardHash: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'sha256 (hex) of the parsed standard, as JSON.' }),
        chain: z
          .array(z.string())
          .optional()
          .meta({ description: 'For an overlay (extends:): `id@version` of the standard and of every standard it extends, nearest first.' }),
      })
      .meta({ description: 'What produced this scorecard, to reproduce it later.' }),
    cycle: CycleStandingSchema.optional().meta({ description: 'Where the inspection stands in its unit\'s re-inspection cycle (standards with outcomes.cycle).' }),
    charges: z.array(ChargeSchema).optional().meta({ description: 'What the findings cost each party, in points or yuan (standards with charges).' }),
  })
  .meta({ title: 'scoresheet scorecard', description: 'What scoring one inspection record against one standard produces.' });

export type ScorecardData = z.output<typeof ScorecardSchema>;
