/**
 * `rotation diff a b`: the table and --json name the same changes; a bad or
 * missing plan.json exits 1 naming the file.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { diffCommand } from '../../src/cli/diff.js';
import { assignment, plan } from '../report/fixture.js';
import { commandRunner } from './run-commands.js';

const rotation = commandRunner(diffCommand);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotation-diff-'));
  const sender = (sent: number) => ({ school_id: 'S1', eligible: 10, required: 1, sent, backbone_sent: 0, backbone_required: 1, met: true, why: null });
  const a = plan({ assignments: [assignment({ teacher_id: 'T1', from_school: 'S1', to_school: 'R1' })], senders: [sender(1)] });
  const b = plan({
    assignments: [assignment({ teacher_id: 'T1', from_school: 'S1', to_school: 'R2' }), assignment({ teacher_id: 'T2', from_school: 'S1', to_school: 'R1', subject: 'chinese' })],
    senders: [sender(2)],
  });
  await writeFile(join(dir, 'a.json'), JSON.stringify(a));
  await writeFile(join(dir, 'b.json'), JSON.stringify(b));
  await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...a, assignments: [{ teacher_id: 'T1' }] }));
  await writeFile(join(dir, 'broken.json'), '{ "plan_year": 2019,');
});
afterEach(() => vi.restoreAllMocks());

describe('rotation diff', () => {
  it('prints the moved and added teachers and the R1 change, in Chinese and English', async () => {
    const zh = await rotation('diff', join(dir, 'a.json'), join(dir, 'b.json'));
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('新增 1 人，移出 0 人，调整 1 人');
    expect(zh.stdout).toMatch(/调整\s+T1\s+S1\s+R1\s+math\s+R2\s+math/);
    expect(zh.stdout).toMatch(/S1\s+10\s+1\s+1 → 2\s+0/);
    const en = await rotation('diff', join(dir, 'a.json'), join(dir, 'b.json'), '--lang', 'en');
    expect(en.stdout).toContain('1 added, 0 removed, 1 moved');
    expect(en.stdout).toMatch(/added\s+T2\s+S1\s+R1\s+chinese/);
  });

  it('--json gives the PlanDiff', async () => {
    const { stdout, code } = await rotation('diff', join(dir, 'a.json'), join(dir, 'b.json'), '--json');
    expect(code).toBe(0);
    const d = JSON.parse(stdout);
    expect(d.teachers.map((t: { kind: string; teacher_id: string }) => `${t.kind} ${t.teacher_id}`)).toEqual(['moved T1', 'added T2']);
    expect(d.totals.sent).toEqual({ before: 1, after: 2, delta: 1 });
  });

  it('a plan against itself: no changes', async () => {
    const { stdout, code } = await rotation('diff', join(dir, 'a.json'), join(dir, 'a.json'), '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toContain('the plans are the same');
  });

  it('a missing, broken or malformed plan exits 1 naming the file', async () => {
    for (const [name, words] of [['missing.json', 'cannot read'], ['broken.json', 'not valid JSON'], ['bad.json', 'assignments[0]']] as const) {
      const { stderr, stdout, code } = await rotation('diff', join(dir, 'a.json'), join(dir, name));
      expect(code, name).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(join(dir, name));
      expect(stderr).toContain(words);
    }
  });
});
