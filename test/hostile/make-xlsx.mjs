// Writes the hostile workbooks of test/hostile/ (issue 19): `node test/hostile/make-xlsx.mjs`.
// Each is a small file that attacks the xlsx reader: it unpacks to far more than it weighs, or holds
// what a sheet should not. Written with exceljs and jszip (never by hand), then committed.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const here = new URL('./', import.meta.url);
const out = (name, bytes) => writeFileSync(new URL(name, here), bytes);

async function records() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['unit.id', 'date', 'finding.item', 'finding.count']);
  sheet.addRow(['g1-01', '2024-03-04', 'floor', 1]);
  return workbook;
}

/** The sheet's XML changed by `edit`, the workbook zipped again. */
async function edited(workbook, edit) {
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const xml = await zip.file('xl/worksheets/sheet1.xml').async('string');
  zip.file('xl/worksheets/sheet1.xml', edit(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

// 64 MiB of spaces inside the sheet: a few kilobytes that unpack past the limit.
out('xlsx-zip-bomb.xlsx', await edited(await records(), (xml) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(64 * 1024 * 1024)}`)));

// Empty rows after the records (as a sheet whose rows were formatted to the bottom): a million (measured
// by scripts/check-hostile.mjs), and 120,000 for the test, past the 100,000 exceljs is let hold.
out('xlsx-million-empty-rows.xlsx', await edited(await records(), (xml) => xml.replace('</sheetData>', `${'<row/>'.repeat(1_000_000)}</sheetData>`)));
out('xlsx-120k-empty-rows.xlsx', await edited(await records(), (xml) => xml.replace('</sheetData>', `${'<row/>'.repeat(120_000)}</sheetData>`)));

// Formulas: one with its saved value (read as that value), one never calculated, a DDE command, an error.
{
  const workbook = await records();
  const sheet = workbook.getWorksheet('Sheet1');
  sheet.addRow(['g1-02', '2024-03-04', 'floor', { formula: '1+1', result: 2 }]);
  sheet.addRow(['g1-03', '2024-03-04', 'floor', { formula: 'cmd|\' /C calc\'!A0' }]);
  sheet.addRow(['g1-04', '2024-03-04', { formula: 'HYPERLINK("http://example.com","floor")' }, 1]);
  sheet.addRow(['g1-05', '2024-03-04', 'floor', { formula: '1/0', result: { error: '#DIV/0!' } }]);
  out('xlsx-formulas-in-cells.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
}

// What Excel writes for a workbook with a password to open: an OLE compound file, not a zip.
out('xlsx-password-protected.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptedPackage')]));

// A CSV renamed .xlsx.
out('xlsx-not-a-zip.xlsx', 'unit.id,date,finding.item,finding.count\ng1-01,2024-03-04,floor,1\n');
