import { beforeAll, describe, expect, it } from 'vitest';
import { positions, readPdf, structNodes, type ReadPdf } from '../../../test/support/pdf.js';
import { LONG_LABEL, SAMPLE } from '../../../test/support/pdf-sample.js';
import { renderPdf } from './render.js';

describe('renderPdf', () => {
  let bytes: Buffer;
  let read: ReadPdf;
  beforeAll(async () => {
    bytes = await renderPdf(SAMPLE);
    read = await readPdf(bytes);
  });

  it('writes a tagged PDF with its language, title and metadata', () => {
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(read.markInfo?.Marked).toBe(true);
    expect(read.structure.length).toBeGreaterThan(0); // a StructTreeRoot
    expect(read.info.Language).toBe('da-DK');
    expect(read.displayDocTitle).toBe(true);
    expect(read.info.Title).toBe('Prøvedokument & æøå – rapport');
    // The "&" is escaped in the XMP packet, which pdf.js could not parse otherwise.
    expect(read.xmpTitle).toBe('Prøvedokument & æøå – rapport');
    expect(read.info.Author).toBe('Demo Kommune');
  });

  it('embeds its fonts, so Danish letters and signs come out as written', () => {
    expect(read.text).toContain('Første afsnit med æ, ø og å, Æ, Ø og Å, – tankestreg og −1,5 procentpoint.');
  });

  it('puts the text in reading order, the long table over pages with its header repeated', () => {
    const [title, notice, flow, arm, outcomes, first, last, chart] = positions(read.text, [
      'Prøvedokument',
      'Foreløbig opgørelse',
      '120 opfyldte betingelserne',
      'Sædvanlig praksis Fordelt hertil: 50',
      'Udfald med forskel',
      'Udfald nummer 1 ',
      'Udfald nummer 40',
      'Andel i job',
    ]);
    expect(title).toBeLessThan(notice!);
    expect(notice).toBeLessThan(flow!);
    expect(flow).toBeLessThan(arm!);
    expect(arm).toBeLessThan(outcomes!);
    expect(outcomes).toBeLessThan(first!);
    expect(first).toBeLessThan(last!);
    expect(last).toBeLessThan(chart!);
    // The long label wraps inside its cell: every word is there, in order.
    expect(read.text).toContain(LONG_LABEL.split(' ').slice(0, 6).join(' '));
    for (const word of LONG_LABEL.split(' ')) expect(read.text).toContain(word);
    expect(read.pages).toBeGreaterThan(1);
    const continued = read.pageTexts.findIndex((page) => page.includes('Udfald nummer 40'));
    expect(continued).toBeGreaterThan(0);
    expect(read.pageTexts[continued]).toMatch(/^Udfald Ny tilgang \(n = 48\) Sædvanlig praksis \(n = 49\) Forskel/);
    expect(read.pageTexts[0]).toContain(`Side 1 af ${read.pages}`);
    expect(read.pageTexts[read.pages - 1]).toContain(`Side ${read.pages} af ${read.pages}`);
  });

  it('tags headings, the table with header cells, lists and the chart as a figure with alt text', () => {
    const nodes = structNodes(read.structure);
    const roles = new Set(nodes.map((n) => n.role));
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'Caption', 'THead'])
      expect(roles).toContain(role);
    for (const role of ['TBody', 'TR', 'TH', 'TD', 'Figure']) expect(roles).toContain(role);
    const figure = nodes.find((n) => n.role === 'Figure');
    expect(figure?.alt).toBe('Andel i job efter uge: efter 10 uger Ny tilgang 30 %, Sædvanlig praksis 20 %.');
    // One header row is tagged: the copies on later pages are artifacts.
    const headerRows = nodes.filter((n) => n.role === 'THead');
    expect(new Set(headerRows.map((n) => JSON.stringify(n))).size).toBe(1);
    const rows = nodes.filter((n) => n.role === 'TR' && n.children.some((c) => c.role === 'TD'));
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it('cuts a row taller than a page with an ellipsis rather than overprint the next', async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `ord${i}`).join(' ');
    const tall = await readPdf(
      await renderPdf({
        title: 'Lang række',
        language: 'da',
        blocks: [
          {
            kind: 'table',
            columns: [{ header: 'Tekst' }, { header: 'Tal', align: 'right' }],
            rows: [{ cells: ['kort', '1'] }, { cells: [words, '2'] }, { cells: ['efter', '3'] }],
          },
        ],
      }),
    );
    expect(tall.pages).toBe(3);
    expect(tall.pageTexts[1]).toMatch(/^Tekst Tal ord0 ord1 .* ord\d+… 2 /);
    expect(tall.pageTexts[1]).not.toContain('ord2999');
    expect(tall.pageTexts[2]).toMatch(/^Tekst Tal efter 3 /);
  });

  it('writes English documents in English', async () => {
    const english = await readPdf(
      await renderPdf({
        title: 'Report',
        language: 'en',
        blocks: [{ kind: 'heading', level: 1, text: 'Report' }],
      }),
    );
    expect(english.info.Language).toBe('en-GB');
    expect(english.text).toContain('Page 1 of 1');
  });
});
