/** LIVES → records (src/import/lives.ts), on small hand-written feeds. */
import { describe, expect, it } from 'vitest';
import { livesDate, livesToRecords, UNCERTAIN_FINDINGS_ITEM, type LivesFiles } from '../../src/import/lives.js';

const BUSINESSES = 'business_id,name,address,city,state\n67372,#1 CHINA BUFFET,"125 E. REYNOLDS ROAD, STE. 120",Lexington,KY\n61072,1780\'S CAFE,300 N BROADWAY,Lexington,KY\n';
const FEED = 'feed_date,feed_version,municipality_name,municipality_url,contact_email\n20160819,2.0,Lexington-Fayette County,http://example.org,x@example.org\n';

function feed(inspections: string, violations: string, extra: Partial<LivesFiles> = {}): LivesFiles {
  return { businesses: BUSINESSES, feedInfo: FEED, inspections: 'business_id,score,date\n' + inspections, violations: 'business_id,date,code,description\n' + violations, ...extra };
}

describe('livesDate', () => {
  it('reads M/D/YY (20YY), M/D/YYYY, YYYYMMDD and YYYY-MM-DD; rejects what is not a calendar date', () => {
    expect(['11/12/15', '1/5/16', '01/05/2016', '20160105', '2016-01-05', ' 6/20/16 '].map(livesDate)).toEqual([
      '2015-11-12', '2016-01-05', '2016-01-05', '2016-01-05', '2016-01-05', '2016-06-20',
    ]);
    expect(['2/30/16', '13/1/16', '', '11-12-15', '1/5/016', '20161301'].map(livesDate)).toEqual(Array(6).fill(undefined));
  });
});

describe('livesToRecords', () => {
  it('one record per inspection: unit = business (named), date, official score, one finding per violation row', () => {
    const out = livesToRecords(feed('67372,94,11/12/15\n67372,82,6/20/16\n61072,100,11/10/15\n', '67372,11/12/15,8,"Standard not met. Food Protection: x"\n67372,11/12/15,19,Standard not met. y\n67372,6/20/16,8,z\n'));
    expect(out.fatal).toBe(false);
    expect(out.problems).toEqual([]);
    expect(out.feed).toMatchObject({ feed_date: '20160819', municipality_name: 'Lexington-Fayette County' });
    expect(out.records.map((r) => r.record)).toEqual([
      {
        id: 'lives:67372:2015-11-12',
        unit: { id: '67372', name: '#1 CHINA BUFFET' },
        date: '2015-11-12',
        findings: [{ item: '8', note: 'Standard not met. Food Protection: x' }, { item: '19', note: 'Standard not met. y' }],
        facts: { officialScore: 94, livesAmbiguousKey: false, inspectionsOnKey: 1 },
      },
      { id: 'lives:67372:2016-06-20', unit: { id: '67372', name: '#1 CHINA BUFFET' }, date: '2016-06-20', findings: [{ item: '8', note: 'z' }], facts: { officialScore: 82, livesAmbiguousKey: false, inspectionsOnKey: 1 } },
      { id: 'lives:61072:2015-11-10', unit: { id: '61072', name: "1780'S CAFE" }, date: '2015-11-10', findings: [], facts: { officialScore: 100, livesAmbiguousKey: false, inspectionsOnKey: 1 } },
    ]);
    // Sources name the inspections.csv row (header = line 1).
    expect(out.records.map((r) => [r.source.file, r.source.line, r.source.index])).toEqual([['inspections.csv', 2, 0], ['inspections.csv', 3, 1], ['inspections.csv', 4, 2]]);
    expect(out.stats).toEqual({ businesses: 2, inspections: 3, violations: 3, records: 3, keys: 3, ambiguousKeys: 0, ambiguousRecords: 0, uncertainRecords: 0 });
  });

  it('dates match across spellings: a violation written 01/05/2016 belongs to the inspection of 1/5/16', () => {
    const out = livesToRecords(feed('61072,98,1/5/16\n', '61072,01/05/2016,15,x\n'));
    expect(out.records[0]!.record.findings.map((f) => f.item)).toEqual(['15']);
  });

  it('two inspections on one key: both records say so, carry every violation of the key and an uncertain finding — no score is claimed', () => {
    const out = livesToRecords(feed('98932,86,3/30/16\n98932,98,3/30/16\n', '98932,3/30/16,3,a\n98932,3/30/16,8,b\n'));
    expect(out.records.map((r) => r.record.id)).toEqual(['lives:98932:2016-03-30:1', 'lives:98932:2016-03-30:2']);
    for (const [i, { record }] of out.records.entries()) {
      expect(record.facts).toEqual({ officialScore: [86, 98][i], livesAmbiguousKey: true, inspectionsOnKey: 2, officialScoresOnKey: [86, 98] });
      expect(record.findings.map((f) => f.item)).toEqual(['3', '8', UNCERTAIN_FINDINGS_ITEM]);
      expect(record.findings[2]!.note).toMatch(/2 inspections of business 98932 on 2016-03-30 share one LIVES key; the 2 violation row\(s\) on it cannot be split between them \(official scores 86, 98\)/);
    }
    expect(out.stats).toMatchObject({ keys: 1, ambiguousKeys: 1, ambiguousRecords: 2, uncertainRecords: 2 });
  });

  it('two inspections on one key with no violation at all: nothing to attribute, so no uncertain finding (both had none)', () => {
    const out = livesToRecords(feed('98932,100,3/30/16\n98932,100,3/30/16\n', ''));
    for (const { record } of out.records) {
      expect(record.findings).toEqual([]);
      expect(record.facts).toMatchObject({ livesAmbiguousKey: true, inspectionsOnKey: 2 });
    }
    expect(out.stats.uncertainRecords).toBe(0);
  });

  it('a violation without a code, or without a readable date, makes the records it may belong to uncertain (a warning)', () => {
    const out = livesToRecords(feed('67372,94,11/12/15\n67372,90,6/20/16\n61072,99,1/5/16\n', '67372,11/12/15,,no code\n61072,1/32/16,8,bad date\n'));
    expect(out.problems.map((p) => [p.severity, p.file, p.line, p.messageId])).toEqual([
      ['warning', 'violations.csv', 2, 'import.lives_no_code'],
      ['warning', 'violations.csv', 3, 'import.lives_bad_date'],
    ]);
    const uncertain = (i: number) => out.records[i]!.record.findings.filter((f) => f.item === UNCERTAIN_FINDINGS_ITEM).map((f) => f.note);
    expect(uncertain(0)).toEqual(['violations.csv:2: a violation on this business and date has no item code']);
    expect(uncertain(1)).toEqual([]); // another date of the same business: not concerned
    expect(uncertain(2)).toEqual(['violations.csv:3: a violation of this business has no readable date ("1/32/16")']);
  });

  it('warnings: a violation with no inspection on its key is left out; an inspection with a bad date is left out; an unknown business has no name; a bad score is not carried', () => {
    const out = livesToRecords(feed('99999,abc,1/5/16\n61072,90,2/30/16\n', '61072,1/6/16,8,x\n'), { names: { inspections: 'feed/inspections.csv' } });
    expect(out.problems.map((p) => [p.file, p.line, p.messageId])).toEqual([
      ['feed/inspections.csv', 2, 'import.lives_bad_score'],
      ['feed/inspections.csv', 3, 'import.lives_bad_date'],
      ['violations.csv', 2, 'import.lives_orphan_violation'],
      ['feed/inspections.csv', 2, 'import.lives_unknown_business'],
    ]);
    expect(out.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(out.records.map((r) => r.record)).toEqual([
      { id: 'lives:99999:2016-01-05', unit: { id: '99999' }, date: '2016-01-05', findings: [], facts: { livesAmbiguousKey: false, inspectionsOnKey: 1 } },
    ]);
    expect(out.problems[2]!.message).toBe('no inspection of business 61072 on 2016-01-06: the violation of item 8 is left out');
  });

  it('optional LIVES columns are carried as facts; the header is read case-insensitively, with a BOM', () => {
    const out = livesToRecords({
      businesses: BUSINESSES,
      inspections: '\uFEFFBusiness_ID,Score,Date,Description,Type\n61072,100,20160105,all good,routine\n',
      violations: 'business_id,date,code,description\n',
    });
    expect(out.records[0]!.record.facts).toEqual({ officialScore: 100, livesAmbiguousKey: false, inspectionsOnKey: 1, livesType: 'routine', livesDescription: 'all good' });
  });

  it('fatal: a missing column or a CSV syntax error reads nothing', () => {
    const noCode = livesToRecords(feed('61072,100,1/5/16\n', '', { violations: 'business_id,date,description\n' }));
    expect([noCode.fatal, noCode.records, noCode.problems.map((p) => [p.severity, p.messageId, p.data?.column])]).toEqual([true, [], [['error', 'import.lives_missing_column', 'code']]]);
    const syntax = livesToRecords(feed('61072,100,"1/5/16\n', ''));
    // The unclosed quote opens on line 2 (after the header) and runs to the end of the text.
    expect([syntax.fatal, syntax.problems.map((p) => [p.severity, p.file, p.messageId])]).toEqual([true, [['error', 'inspections.csv', 'import.lives_csv_syntax']]]);
    expect(syntax.problems[0]!.line).toBeGreaterThanOrEqual(2);
    // Each is the one Diagnostic: a code of the registry and a position.
    expect([...noCode.problems, ...syntax.problems].map((p) => [p.code, p.column])).toEqual([['map_mismatch', 1], ['unreadable_input', 1]]);
  });

  it('messages come in the caller\'s language', () => {
    const out = livesToRecords(feed('61072,90,1/5/16\n', '61072,1/6/16,8,x\n'), { locale: 'zh-CN' });
    expect(out.problems[0]!.message).toBe('商户 61072 在 2016-01-06 没有检查记录：第 8 项违规被略去');
  });
});
