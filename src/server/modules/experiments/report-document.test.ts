import { beforeAll, describe, expect, it } from 'vitest';
import { positions, readPdf, structNodes, type ReadPdf } from '../../../../test/support/pdf.js';
import { demoReport } from '../../../../test/support/report-fixture.js';
import { reportPdf } from './report-document.js';

// The experiment report as a PDF, read back the way a viewer and a screen reader read it.

const ARM_NAMES = ['Ny tilgang', 'Kun mere tid', 'Sædvanlig praksis'];
const ISO_INSTANT = /\d{4}-\d\d-\d\dT|T\d\d:\d\d:\d\d/;

describe('the report PDF (Danish, final)', () => {
  let read: ReadPdf;
  beforeAll(async () => {
    const { meta, report, rows } = demoReport();
    read = await readPdf(await reportPdf(meta, report, rows));
  });

  it('is tagged, in Danish, with its title shown and in the metadata', () => {
    expect(read.markInfo?.Marked).toBe(true);
    expect(read.structure.length).toBe(read.pages);
    expect(read.info.Language).toBe('da-DK');
    expect(read.displayDocTitle).toBe(true);
    expect(read.info.Title).toBe('Ansvar for eget liv – opgørelse');
    expect(read.xmpTitle).toBe('Ansvar for eget liv – opgørelse');
  });

  it('reads in the order of the report: about, flow, balance, outcomes primary first, curves', () => {
    const at = positions(read.text, [
      'Ansvar for eget liv',
      'Forskningsspørgsmål',
      'Forløb',
      '544 opfyldte betingelserne',
      'Balance mellem grupperne',
      'Udfald',
      'Job, fleksjob, løntilskud eller',
      'Primært udfald',
      'Beskæftigelsesgrad',
      'Uger i virksomhedspraktik',
      'Tid til første job',
      'Kurver',
      'Andel, der har været i job',
      'Kaplan–Meier: andel endnu ikke i job',
      'Metode:',
    ]);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('wraps long outcome labels inside their cell, every word kept', () => {
    for (const label of ['Job, fleksjob, løntilskud eller uddannelse', 'Virksomhedspraktik på et tidspunkt'])
      for (const word of label.split(' ')) expect(read.text).toContain(word);
    expect(read.text).toContain('Gennemsnit; justeret for lag (robust, HC2)');
  });

  it('names the arms, never their codes', () => {
    for (const name of ARM_NAMES) expect(read.text).toContain(name);
    expect(read.text).toContain('Ny tilgang sammenlignet med Sædvanlig praksis');
    expect(read.text).not.toMatch(/\bgroup[12]\b|\bcontrol\b/);
  });

  it('writes dates the Danish way, the lock in Copenhagen time', () => {
    expect(read.text).toContain('Designet låst 7. december 2026 kl. 18.06');
    expect(read.text).toContain('Opgjort pr. 11. december 2028');
    expect(read.text).not.toMatch(ISO_INSTANT);
  });

  it('shows the figures the way the report page does', () => {
    expect(read.text).toMatch(/Job, fleksjob, løntilskud eller uddannelse Primært udfald/);
    expect(read.text).toMatch(/\d+,\d %/);
    expect(read.text).toContain('procentpoint');
    expect(read.text).toMatch(/HR \d+,\d\d/);
  });

  it('tags the heading, the tables and the two charts as figures with alternative text', () => {
    const nodes = structNodes(read.structure);
    expect(nodes.filter((n) => n.role === 'H1')).toHaveLength(1);
    expect(nodes.some((n) => n.role === 'Table')).toBe(true);
    expect(nodes.some((n) => n.role === 'TH')).toBe(true);
    const figures = nodes.filter((n) => n.role === 'Figure');
    expect(figures.map((f) => f.alt?.split('.')[0])).toEqual([
      'Andel, der har været i job',
      'Kaplan–Meier: andel endnu ikke i job',
    ]);
    for (const figure of figures) for (const name of ARM_NAMES) expect(figure.alt).toContain(name);
    expect(figures[0]?.alt).toMatch(/Efter 104 uger har så stor en andel været i job: Ny tilgang \d+,\d\s%/);
  });
});

describe('the report PDF in other states', () => {
  it('warns that an interim report is interim', async () => {
    const { meta, report, rows } = demoReport({ interimWeeks: 30 });
    const read = await readPdf(await reportPdf(meta, report, rows));
    expect(read.text).toContain('Foreløbig opgørelse (interim)');
    expect(read.text).toContain('Efter 30 uger');
  });

  it('says so when nobody has been followed a whole week yet', async () => {
    const { meta, report, rows } = demoReport({ interimWeeks: 0 });
    expect(report.evaluation).toBeNull();
    const read = await readPdf(await reportPdf(meta, report, rows));
    expect(read.text).toContain('Der er endnu ikke borgere i begge grupper');
    expect(read.text).toContain('Ingen borgere er fulgt en hel uge endnu.');
    expect(structNodes(read.structure).some((n) => n.role === 'Figure')).toBe(false);
  });

  it('is written in English when asked for', async () => {
    const { meta, report, rows } = demoReport();
    const read = await readPdf(await reportPdf(meta, report, rows, 'en'));
    expect(read.info.Language).toBe('en-GB');
    expect(read.info.Title).toBe('Ansvar for eget liv – report');
    expect(read.text).toContain('Design locked 7 December 2026 at 18:06');
    expect(read.text).toContain('Ny tilgang compared with Sædvanlig praksis');
    expect(read.text).toContain('Ever in an ordinary job');
    expect(read.text).toContain('Page 1 of');
  });
});
