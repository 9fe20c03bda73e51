import type { PdfDocument } from '../../src/server/pdf/model.js';

// A document using every block the PDF renderer knows, with a table long enough to run over a page.

export const LONG_LABEL =
  'Andel der har haft mindst én uge i ordinært job, fleksjob, løntilskud eller uddannelse i opfølgningsperioden, opgjort efter Newcombe';

/** Everything the model can hold, with a table long enough to run over a page. */
export const SAMPLE: PdfDocument = {
  title: 'Prøvedokument & æøå – rapport',
  language: 'da',
  subject: 'Et dokument der prøver hver blok',
  author: 'Demo Kommune',
  keywords: ['forsøg', 'opgørelse'],
  created: new Date('2026-12-07T17:06:47Z'),
  blocks: [
    { kind: 'heading', level: 1, text: 'Prøvedokument' },
    { kind: 'paragraph', style: 'notice', text: 'Foreløbig opgørelse: tallene vil ændre sig.' },
    { kind: 'paragraph', text: 'Første afsnit med æ, ø og å, Æ, Ø og Å, – tankestreg og −1,5 procentpoint.' },
    {
      kind: 'facts',
      items: [
        { label: 'Opgjort pr.', value: '7. december 2026' },
        { label: 'Låst', value: '7. december 2026 kl. 18.06' },
      ],
    },
    { kind: 'heading', level: 2, text: 'Forløb' },
    {
      kind: 'flow',
      stages: [
        { boxes: [{ title: '120 opfyldte betingelserne', lines: ['heraf 20 ikke indskrevet'] }] },
        { boxes: [{ title: '100 indskrevet', lines: [] }] },
        {
          boxes: [
            { title: 'Ny tilgang', lines: ['Fordelt hertil: 50', 'Analyseret: 48'] },
            { title: 'Sædvanlig praksis', lines: ['Fordelt hertil: 50', 'Analyseret: 49'] },
          ],
        },
      ],
    },
    { kind: 'heading', level: 2, text: 'Udfald' },
    {
      kind: 'table',
      caption: 'Udfald med forskel',
      rowHeaders: true,
      columns: [
        { header: 'Udfald', width: 3 },
        { header: 'Ny tilgang (n = 48)', align: 'right', width: 1.4 },
        { header: 'Sædvanlig praksis (n = 49)', align: 'right', width: 1.4 },
        { header: 'Forskel', align: 'right', width: 1.4 },
      ],
      rows: Array.from({ length: 40 }, (_, i) => ({
        strong: i === 0,
        cells: [
          i === 3 ? { lines: [LONG_LABEL, 'Andel; interval efter Newcombe'] } : `Udfald nummer ${i + 1}`,
          `${i},0 %`,
          `${i + 1},0 %`,
          '−1,0 procentpoint',
        ],
      })),
    },
    { kind: 'heading', level: 2, text: 'Kurver' },
    { kind: 'heading', level: 3, text: 'Andel i job' },
    {
      kind: 'lineChart',
      alt: 'Andel i job efter uge: efter 10 uger Ny tilgang 30 %, Sædvanlig praksis 20 %.',
      step: true,
      x: { label: 'Uge', min: 0, max: 10, ticks: [0, 5, 10].map((v) => ({ value: v, label: String(v) })) },
      y: {
        label: 'Andel i job',
        min: 0,
        max: 1,
        ticks: [0, 0.5, 1].map((v) => ({ value: v, label: `${v * 100} %` })),
      },
      series: [
        { name: 'Ny tilgang', points: Array.from({ length: 11 }, (_, w) => [w, w * 0.03] as const) },
        { name: 'Sædvanlig praksis', points: Array.from({ length: 11 }, (_, w) => [w, w * 0.02] as const) },
      ],
    },
    { kind: 'list', items: ['Et punkt.', 'Et andet punkt.'] },
    { kind: 'paragraph', style: 'small', text: 'Sidste afsnit.' },
  ],
};
