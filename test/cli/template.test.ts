/** `rotation template` → `rotation validate`: the template's example rows pass; without them, validate names the empty sheets. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateCommand } from '../../src/cli/template.js';
import { validateCommand } from '../../src/cli/validate.js';
import { commandRunner } from './run-commands.js';

const rotation = commandRunner(templateCommand, validateCommand);
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'rotation-template-cli-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('rotation template', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`writes a workbook validate accepts, and validate names the empty sheets once the examples are gone (${lang})`, async () => {
      const out = join(dir, `模板-${lang}.xlsx`);
      const made = await rotation('template', '--out', out, '--lang', lang);
      expect(made.code).toBe(0);
      const ok = await rotation('validate', out, '--year', '2019');
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('1 派出学校 senders, 1 接收学校 receivers, 1 teachers, 1 eligible');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const notes = lang === 'zh' ? '说明' : 'notes';
      for (const ws of wb.worksheets) if (ws.state !== 'hidden' && ws.name !== notes) for (let r = ws.rowCount; r >= 2; r--) ws.spliceRows(r, 1);
      const empty = join(dir, `empty-${lang}.xlsx`);
      await wb.xlsx.writeFile(empty);
      const bad = await rotation('validate', empty, '--year', '2019');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(`empty-${lang}.xlsx#${lang === 'zh' ? '学校' : 'schools'}: 没有数据行`);
      expect(bad.stderr).toContain(`empty-${lang}.xlsx#${lang === 'zh' ? '教师' : 'teachers'}: 没有数据行`);
    });
  }
});
