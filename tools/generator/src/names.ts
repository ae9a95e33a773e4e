import type { Random } from './random';
import { WeightedPool } from './random';

/** Surnames by share of the population (per mille), with Shanghai's own common ones (沈 陆 顾 …). */
// prettier-ignore
const SURNAMES = new WeightedPool<string>([
  ['王', 71], ['李', 70], ['张', 68], ['刘', 54], ['陈', 56], ['杨', 31], ['黄', 25], ['赵', 23], ['吴', 24],
  ['周', 21], ['徐', 20], ['孙', 15], ['马', 15], ['朱', 16], ['胡', 13], ['郭', 12], ['何', 12], ['林', 11],
  ['罗', 10], ['高', 10], ['郑', 9], ['梁', 8], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 6],
  ['冯', 6], ['邓', 6], ['曹', 6], ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 5],
  ['潘', 4], ['于', 4], ['蒋', 5], ['蔡', 4], ['余', 4], ['杜', 4], ['叶', 5], ['程', 4], ['苏', 4],
  ['魏', 4], ['吕', 4], ['丁', 4], ['任', 3], ['沈', 7], ['陆', 6], ['顾', 6], ['钱', 3], ['金', 4],
  ['施', 3], ['姚', 4], ['倪', 2], ['严', 2], ['汪', 3], ['范', 3], ['方', 3], ['戴', 2], ['龚', 2],
  ['秦', 2], ['夏', 2], ['贾', 2], ['邱', 2], ['卢', 3], ['江', 2], ['石', 2], ['崔', 2], ['毛', 2],
  ['欧阳', 0.3], ['司马', 0.1], ['诸葛', 0.1], ['上官', 0.1],
]);

type Sex = 'MALE' | 'FEMALE';
interface Generation {
  bornBefore: number;
  MALE: readonly string[];
  FEMALE: readonly string[];
}

/** Given names follow the fashion of the decade a person was born in. */
// prettier-ignore
const GENERATIONS: readonly Generation[] = [
  {
    bornBefore: 1950,
    MALE: ['福生', '根宝', '德明', '志明', '金发', '荣根', '宝林', '长林', '永康', '文彬', '振华', '兴华', '阿大', '金根', '德福', '海泉', '炳坤', '国华'],
    FEMALE: ['秀英', '桂英', '玉兰', '凤英', '素珍', '秀珍', '桂兰', '金娣', '美娣', '彩凤', '月英', '淑芬', '翠英', '爱珍', '宝珠', '杏娣', '引娣', '菊英'],
  },
  {
    bornBefore: 1970,
    MALE: ['建华', '建国', '国强', '卫东', '红卫', '建军', '志强', '国平', '建平', '伟民', '卫国', '德华', '永明', '明', '勇', '军', '强', '平', '华', '国庆', '跃进'],
    FEMALE: ['红', '丽华', '秀兰', '红梅', '建英', '玉梅', '桂芳', '美华', '丽萍', '凤英', '萍', '霞', '英', '芳', '敏', '卫红', '小妹', '爱华', '琴'],
  },
  {
    bornBefore: 1990,
    MALE: ['伟', '强', '磊', '军', '勇', '斌', '杰', '涛', '刚', '鹏', '峰', '辉', '海涛', '志刚', '晓东', '建伟', '俊', '毅', '亮', '晓峰', '华'],
    FEMALE: ['丽', '静', '敏', '燕', '艳', '娟', '霞', '玲', '婷', '晓燕', '丽娟', '海燕', '颖', '莉', '雪梅', '晓红', '慧', '琳', '佳', '蕾'],
  },
  {
    bornBefore: 2010,
    MALE: ['浩', '宇', '轩', '杰', '子豪', '浩然', '俊杰', '宇航', '志豪', '天宇', '博文', '鑫', '磊', '帅', '凯', '晨', '昊', '明轩', '嘉伟', '文博'],
    FEMALE: ['婷婷', '雪', '欣怡', '思雨', '佳怡', '琪', '梦琪', '雨婷', '佳琪', '倩', '颖', '诗涵', '悦', '晴', '雯', '静怡', '晓雯', '嘉怡'],
  },
  {
    bornBefore: Infinity,
    MALE: ['子轩', '浩宇', '宇轩', '一诺', '奕辰', '沐宸', '浩然', '子墨', '宇泽', '俊熙', '睿', '铭', '皓轩', '承泽', '梓睿', '梓豪', '亦辰', '嘉懿'],
    FEMALE: ['梓涵', '一诺', '欣怡', '子涵', '诗涵', '可馨', '若汐', '语桐', '梓萱', '雨桐', '思彤', '依诺', '芷若', '沐瑶', '语嫣', '欣妍', '可欣'],
  },
];

export function drawSurname(random: Random): string {
  return SURNAMES.draw(random);
}

export function drawGivenName(random: Random, sex: Sex, birthYear: number): string {
  const generation = GENERATIONS.find((candidate) => birthYear < candidate.bornBefore)!;
  return random.pick(generation[sex]);
}

export function drawFullName(random: Random, sex: Sex, birthYear: number): string {
  return drawSurname(random) + drawGivenName(random, sex, birthYear);
}
