/** The campaign standard the history tests share: rectification, repeats by steps and by a multiplier, late discovery. */
import { compileStandard, parseStandard, type InspectionRecordInput } from '../../src/index.js';
import { InspectionRecordSchema, type InspectionRecord } from '../../src/record-schema.js';

export const CAMPAIGN = `
id: campaign
version: "1"
name: { en: Campaign, zh-CN: 整改 }
scoring: { mode: deduct, base: 100 }
categories:
  - id: area
    name: { en: Area }
    max: 120
    items:
      - id: litter
        name: { en: Litter }
        max: 30
        rules: [ { kind: per-occurrence, points: 2 } ]
        rectify: { within: 3d, late: { points: 5 }, source: "004:749" }
        repeat: { within: month, extra: [1, 3] }
      - id: hazard
        name: { en: Hazard }
        max: 30
        rules: [ { kind: per-occurrence, points: 4 } ]
        rectify: { within: friday, late: { fail: true, escalate: true } }
        repeat: { within: 30d, multiply: 2 }
        foundLate: { after: month, multiply: 2, source: "000:135" }
      - id: plain
        name: { en: Plain }
        max: 30
        rules: [ { kind: per-occurrence, points: 1 } ]
      - id: kiosk
        name: { en: Kiosk }
        max: 30
        rules:
          - { kind: not-applicable, when: { fact: kiosk_closed, operator: equal, value: true } }
          - { kind: per-occurrence, points: 1 }
        rectify: { within: 3d, late: { points: 5 } }
`;

const loaded = parseStandard(CAMPAIGN);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
export const scorer = compileStandard(loaded.standard);

export const rec = (input: Omit<InspectionRecordInput, 'unit'> & { unit?: string }): InspectionRecord =>
  InspectionRecordSchema.parse({ ...input, unit: { id: input.unit ?? 'u1' } });

