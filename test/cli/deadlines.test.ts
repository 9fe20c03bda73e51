// `medspiller deadlines` end to end, on the built CLI (dist/ is built before the test run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'medspiller-deadlines-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const example = {
  registered: '2026-03-02',
  benefit_start: '2024-01-15',
  category: 'activity_ready',
  track: 'step_up',
  events: [
    { date: '2026-03-05', type: 'conversation', held: true, mode: 'phone' },
    { date: '2026-03-12', type: 'resource_conversation', held: true },
    { date: '2026-04-08', type: 'conversation', held: false, cancelled_by: 'citizen' },
    { date: '2026-04-10', type: 'activity', kind: 'cv_workshop', end: '2026-05-10' },
    { date: '2026-05-01', type: 'company_consultant_contact' },
    { date: '2026-06-15', type: 'activity', kind: 'company_internship', end: '2026-08-15' },
    { date: '2026-09-01', type: 'mentor', end: '2027-03-01' },
    { date: '2027-05-01', type: 'rehab_team_referral' },
  ],
};

let files = 0;
function file(content: unknown): string {
  const path = join(dir, `input-${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['dist/cli/main.js', 'deadlines', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function withEvent(index: number, event: unknown) {
  const events: unknown[] = [...example.events];
  events[index] = event;
  return { ...example, events };
}

describe('medspiller deadlines', () => {
  it('prints the example case on 2026-06-01 (hand-computed)', () => {
    const { code, stdout, stderr } = run(['--case', file(example), '--on', '2026-06-01']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const deadlines = JSON.parse(stdout) as Record<string, unknown>[];
    expect(deadlines.map((d) => [d.rule, d.due, d.status, d.met_on])).toEqual([
      ['lab.first_conversation', '2026-03-09', 'met', '2026-03-05'],
      ['halsnaes.monthly_conversation', '2026-04-12', 'overdue', null],
      ['halsnaes.cv_workshop', '2026-04-13', 'met', '2026-04-10'],
      ['halsnaes.company_internship', '2026-09-02', 'open', null],
      ['lab.four_conversations', '2026-09-02', 'open', null],
      ['lab.no_activation_12_months', '2027-05-10', 'open', null],
    ]);
    expect(deadlines[0]).toMatchObject({
      rule: 'lab.first_conversation',
      title: 'Første samtale',
      basis: 'LAB § 31, stk. 5',
      explanation: 'Første samtale senest 1 uge efter registrering (2026-03-02).',
    });
    for (const d of deadlines)
      expect(Object.keys(d)).toEqual(
        expect.arrayContaining(['rule', 'title', 'due', 'status', 'met_on', 'basis', 'explanation']),
      );
  });

  it('reads the case from standard input with --case -', () => {
    const { code, stdout } = run(['--case', '-', '--on', '2026-06-01'], JSON.stringify(example));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as unknown[]).length).toBe(6);
  });

  it('prints usage for --help and exits 0', () => {
    const { code, stdout, stderr } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: medspiller deadlines --case/);
    expect(stderr).toBe('');
  });

  it('uses a rules file of the same schema instead of the defaults', () => {
    const rules = {
      id: 'local',
      rules: [
        {
          id: 'local.home_visit',
          valid_from: '2026-01-01',
          valid_to: null,
          basis: 'Byrådet 2026',
          basis_kind: 'local',
          title: { da: 'Hjemmebesøg', en: 'Home visit' },
          explanation: {
            da: 'Senest {period} efter {start_event} ({start}).',
            en: 'Within {period} of {start_event} ({start}).',
          },
          counting: {
            kind: 'nth_occurrence',
            start: { fact: 'registered', label: { da: 'registrering', en: 'registration' } },
            period: 'P10D',
            n: 2,
            met_by: {
              types: ['conversation', 'resource_conversation'],
              held: true,
              label: { da: 'samtale', en: 'conversation' },
            },
          },
        },
      ],
    };
    const { code, stdout } = run(['--case', file(example), '--on', '2026-06-01', '--rules', file(rules)]);
    expect(code).toBe(0);
    // 2026-03-02 + 10 days = 2026-03-12, the day of the 2nd held conversation.
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ rule: 'local.home_visit', due: '2026-03-12', status: 'met', met_on: '2026-03-12' }),
    ]);
  });

  it('accepts the shipped rule files as --rules', () => {
    const shipped = ['lab-2019', 'halsnaes-policy'].map(
      (name) => JSON.parse(readFileSync(join(root, 'src/core/rules/sets', `${name}.json`), 'utf8')) as unknown,
    );
    const viaFile = run(['--case', file(example), '--on', '2026-06-01', '--rules', file(shipped)]);
    expect(viaFile.code).toBe(0);
    expect(viaFile.stdout).toBe(run(['--case', file(example), '--on', '2026-06-01']).stdout);
  });
});

describe('medspiller deadlines: bad input exits 2, prints nothing on stdout, names the field', () => {
  const cases: [string, () => string[], RegExp][] = [
    [
      'an impossible date',
      () => ['--case', file(withEvent(3, { ...example.events[3], date: '2026-02-30' })), '--on', '2026-06-01'],
      /^events\[3\]\.date: not a date$/m,
    ],
    [
      'a conversation without held',
      () => ['--case', file(withEvent(0, { date: '2026-03-05', type: 'conversation' })), '--on', '2026-06-01'],
      /^events\[0\]\.held: required$/m,
    ],
    [
      'an unknown event type',
      () => ['--case', file(withEvent(2, { date: '2026-04-08', type: 'phone_call' })), '--on', '2026-06-01'],
      /^events\[2\]\.type: /m,
    ],
    [
      'a missing registered',
      () => ['--case', file({ ...example, registered: undefined }), '--on', '2026-06-01'],
      /^registered: required$/m,
    ],
    [
      'a bad registered',
      () => ['--case', file({ ...example, registered: '2026-3-2' }), '--on', '2026-06-01'],
      /^registered: not a date$/m,
    ],
    [
      'a missing benefit_start on the rehab track',
      () => ['--case', file({ ...example, track: 'rehab_team', benefit_start: null }), '--on', '2026-06-01'],
      /^benefit_start: required/m,
    ],
    ['an impossible --on', () => ['--case', file(example), '--on', '2026-02-30'], /^--on: not a date/m],
    ['a non-date --on', () => ['--case', file(example), '--on', 'tomorrow'], /^--on: not a date/m],
    ['a missing --on', () => ['--case', file(example)], /^--on: required$/m],
    ['a missing --case', () => ['--on', '2026-06-01'], /^--case: required$/m],
    [
      'an unreadable case file',
      () => ['--case', join(dir, 'does-not-exist.json'), '--on', '2026-06-01'],
      /^--case: cannot read .*ENOENT/m,
    ],
    [
      'a case file that is not JSON',
      () => ['--case', file('{"registered": '), '--on', '2026-06-01'],
      /^--case: .* is not valid JSON/m,
    ],
    [
      'an unreadable rules file',
      () => ['--case', file(example), '--on', '2026-06-01', '--rules', join(dir, 'nope.json')],
      /^--rules: cannot read/m,
    ],
    [
      'an invalid rules file',
      () => [
        '--case',
        file(example),
        '--on',
        '2026-06-01',
        '--rules',
        file({ id: 'x', rules: [{ id: 'x.y', valid_from: '2026-02-30' }] }),
      ],
      /^--rules: rules\[0\]\.valid_from: not a date$/m,
    ],
    ['an unknown option', () => ['--case', file(example), '--on', '2026-06-01', '--when', 'now'], /--when/],
  ];

  it.each(cases)('%s', (_name, args, message) => {
    const { code, stdout, stderr } = run(args());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
