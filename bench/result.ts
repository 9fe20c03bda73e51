/** What one benchmark reports: a title and the lines it prints (figures and ratios). */
export interface BenchResult {
  name: string;
  lines: string[];
}
