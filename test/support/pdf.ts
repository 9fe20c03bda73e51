import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// A PDF read the way a viewer and a screen reader read it (pdf.js, Firefox's PDF engine): the
// catalog's accessibility entries, the metadata, the text in content order and the structure tree.

export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  children: StructNode[];
}

export interface ReadPdf {
  pages: number;
  /** The document information dictionary plus pdf.js' extras (Language is the catalog's /Lang). */
  info: Record<string, unknown>;
  /** dc:title from the XMP metadata. */
  xmpTitle: string | null;
  /** The catalog's MarkInfo dictionary (Marked: true for a tagged PDF). */
  markInfo: Record<string, unknown> | null;
  displayDocTitle: boolean;
  /** Each page's text items joined by spaces, in content-stream order. */
  pageTexts: string[];
  /** Every page's text, in order. */
  text: string;
  /** The structure tree as seen from each page (pdf.js builds it per page). */
  structure: StructNode[];
}

interface RawNode {
  role?: string;
  alt?: string;
  lang?: string;
  children?: RawNode[];
  type?: string;
}

function node(raw: RawNode): StructNode {
  return {
    role: raw.role ?? '',
    ...(raw.alt === undefined ? {} : { alt: raw.alt }),
    ...(raw.lang === undefined ? {} : { lang: raw.lang }),
    children: (raw.children ?? []).filter((c) => c.role !== undefined).map(node),
  };
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const pdf = await task.promise;
  try {
    const metadata = await pdf.getMetadata();
    const marks = (await pdf.getMarkInfo()) as Map<string, unknown> | Record<string, unknown> | null;
    const markInfo = marks instanceof Map ? Object.fromEntries(marks) : marks;
    const preferences = await pdf.getViewerPreferences();
    const pageTexts: string[] = [];
    const structure: StructNode[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pageTexts.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .filter((s) => s.trim() !== '')
          .join(' ')
          .replace(/\s+/g, ' '),
      );
      const tree = (await page.getStructTree()) as RawNode | null;
      if (tree !== null) structure.push(node(tree));
    }
    // pdf.js types the XMP packet as always there; a file without one gives null.
    const xmp = metadata.metadata as { get(name: string): unknown } | null;
    const xmpTitle = xmp?.get('dc:title');
    return {
      pages: pdf.numPages,
      info: metadata.info as Record<string, unknown>,
      xmpTitle: typeof xmpTitle === 'string' ? xmpTitle : null,
      markInfo,
      displayDocTitle: preferences?.get('DisplayDocTitle') === true,
      pageTexts,
      text: pageTexts.join(' '),
      structure,
    };
  } finally {
    await task.destroy();
  }
}

/** Every node of the trees, depth first, in order. */
export function structNodes(trees: readonly StructNode[]): StructNode[] {
  const out: StructNode[] = [];
  const walk = (n: StructNode): void => {
    out.push(n);
    n.children.forEach(walk);
  };
  trees.forEach(walk);
  return out;
}

/** The position of each needle in the haystack, failing the lookup loudly when one is missing. */
export function positions(haystack: string, needles: readonly string[]): number[] {
  return needles.map((needle) => {
    const at = haystack.indexOf(needle);
    if (at < 0) throw new Error(`"${needle}" not found in the PDF's text`);
    return at;
  });
}
