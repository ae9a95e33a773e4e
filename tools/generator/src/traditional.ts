/**
 * Simplified → traditional forms of the name characters the generator uses: some
 * family-planning records were keyed in with traditional characters (NAME_VARIANT).
 */
// prettier-ignore
const TRADITIONAL: Readonly<Record<string, string>> = Object.fromEntries(
  [
    '东東', '严嚴', '丽麗', '伟偉', '兰蘭', '兴興', '军軍', '冯馮', '凤鳳', '凯凱', '刘劉', '刚剛', '华華', '卢盧', '卫衛',
    '发發', '叶葉', '吕呂', '吴吳', '宝寶', '帅帥', '庆慶', '张張', '强強', '晓曉', '杨楊', '杰傑', '梦夢', '欧歐', '泽澤',
    '涛濤', '爱愛', '红紅', '罗羅', '苏蘇', '许許', '诗詩', '语語', '诸諸', '诺諾', '谢謝', '贾賈', '赵趙', '跃躍', '轩軒',
    '辉輝', '进進', '邓鄧', '郑鄭', '钱錢', '铭銘', '长長', '阳陽', '陆陸', '陈陳', '韩韓', '顾顧', '颖穎', '马馬', '鹏鵬',
    '黄黃', '龚龔', '孙孫', '艳艷', '荣榮', '国國',
  ].map((pair) => [pair[0]!, pair[1]!]),
);

/** The name written with traditional characters; unchanged when none of its characters has one. */
export function toTraditional(name: string): string {
  return [...name].map((character) => TRADITIONAL[character] ?? character).join('');
}
