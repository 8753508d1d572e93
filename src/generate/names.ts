/**
 * Chinese personal and place names for synthetic rosters. Surnames are
 * weighted towards those common in Wenzhou (陈, 林, 黄, 王, 李, 张, 吴, 郑…);
 * school names are built from place names the way county rosters read
 * (XX镇中心小学, XX乡中学, 第二实验小学…).
 */
import type { Rng } from './random.js';

/** [surname, relative weight]. */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['陈', 110], ['林', 70], ['黄', 55], ['王', 55], ['李', 45], ['张', 45], ['吴', 40], ['郑', 38], ['周', 30],
  ['潘', 25], ['叶', 25], ['金', 24], ['徐', 24], ['杨', 22], ['朱', 20], ['胡', 20], ['刘', 18], ['蔡', 16],
  ['谢', 15], ['章', 12], ['池', 10], ['戴', 10], ['郭', 9], ['孙', 9], ['钱', 8], ['夏', 8], ['薛', 8],
  ['余', 8], ['项', 7], ['季', 7], ['缪', 6], ['麻', 5], ['苏', 6], ['赵', 6], ['何', 6], ['应', 5], ['管', 4],
  ['姜', 5], ['方', 6], ['许', 6], ['邱', 5], ['董', 5], ['卢', 5], ['翁', 5], ['包', 4], ['虞', 3], ['程', 4],
  ['施', 5], ['倪', 4], ['高', 5], ['尤', 3], ['彭', 3], ['温', 3], ['詹', 3], ['毛', 4], ['白', 2], ['甘', 2],
];
const SURNAME_LIST = SURNAMES.map(([s]) => s);
const SURNAME_WEIGHTS = SURNAMES.map(([, w]) => w);

const GIVEN_FEMALE = [...'丽娟敏静婷雪琳洁颖燕芳霞红慧萍艳佳倩晓雅欣怡蕾露瑶婉微丹青秀梅莉琴珍玲娜晶蓓璐茜'];
const GIVEN_MALE = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁浩宇俊峰建国志海林文晨坚东荣彬旭阳克诚'];
const GIVEN_ANY = [...'晓文海一子思雨春秋嘉立小洪冬新永少益'];

/** A full name: surname plus one or two given characters. */
export function personName(rng: Rng, gender: 'M' | 'F'): string {
  const surname = rng.weighted(SURNAME_LIST, SURNAME_WEIGHTS);
  const own = gender === 'F' ? GIVEN_FEMALE : GIVEN_MALE;
  if (rng.chance(0.3)) return surname + rng.pick(own);
  const first = rng.chance(0.35) ? rng.pick(GIVEN_ANY) : rng.pick(own);
  let second = rng.pick(own);
  if (second === first) second = rng.pick(own);
  return surname + first + second;
}

const PLACE_HEAD = [...'大小上下东西南北新高石桥岭溪龙凤云梅桃枫林马鹤白青黄金玉仙双芦塘湖'];
const PLACE_TAIL = [...'头口坑岙溪田山坪垟洋湖塘桥岭门源阳浦港岩坦寮垄庄亭川湾'];

/** A two-character place name in the style of Wenzhou villages (溪口, 石垟, 桃岙…). */
export function placeName(rng: Rng): string {
  let tail = rng.pick(PLACE_TAIL);
  const head = rng.pick(PLACE_HEAD);
  if (tail === head) tail = rng.pick(PLACE_TAIL);
  return head + tail;
}

const DIGITS = [...'零一二三四五六七八九'];

/** 1 → 一, 12 → 十二, 40 → 四十, 99 → 九十九; 100 and up in Arabic digits. */
export function chineseNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : `${tens === 1 ? '' : DIGITS[tens]}十`}${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 第一, 第二, … 第十二 … */
export function ordinal(n: number): string {
  return `第${chineseNumber(n)}`;
}
