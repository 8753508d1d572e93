import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../src/domain/cells.js';

describe('dates: the three spellings of FORMAT.md', () => {
  it('reads YYYY-MM-DD, YYYY/M/D and YYYY年M月D日 as the same day', () => {
    expect(parseDateText('2019-09-01')).toBe('2019-09-01');
    expect(parseDateText('2019/9/1')).toBe('2019-09-01');
    expect(parseDateText('2019年9月1日')).toBe('2019-09-01');
  });
  it('rejects days that do not exist (2019-02-30, 2019-02-29) and accepts 2020-02-29', () => {
    expect(parseDateText('2019-02-30')).toBeUndefined();
    expect(parseDateText('2019-02-29')).toBeUndefined();
    expect(parseDateText('2020-02-29')).toBe('2020-02-29');
    expect(parseDateText('2019-13-01')).toBeUndefined();
    expect(parseDateText('01.09.2019')).toBeUndefined();
  });
});
