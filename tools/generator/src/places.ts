import type { Random } from './random';
import { WeightedPool } from './random';

/** Community names (社区) in the style of Pudong's neighbourhoods; at least the district's 45. */
// prettier-ignore
export const COMMUNITY_NAMES: readonly string[] = [
  '金桥', '碧云', '金杨', '华夏', '东方', '梅园', '潍坊', '塘桥', '洋泾', '陆家嘴', '花木', '联洋', '锦绣', '明珠',
  '民生', '源深', '崂山', '浦兴', '东陆', '高行', '高桥', '凌桥', '三林', '北蔡', '张江', '唐镇', '川沙', '曹路',
  '合庆', '周浦', '康桥', '御桥', '世博', '上钢', '南码头', '周家渡', '沪东', '东明', '金鼎', '云山', '德州',
  '杨思', '临沂', '南泉', '峨山', '泾东', '海富', '春江', '长岛', '羽山', '罗山', '栖霞', '歇浦', '博兴',
];

/** Road names; Shanghai names its roads after other places (山东路, 崂山路 …). */
// prettier-ignore
export const ROAD_NAMES: readonly string[] = [
  '金杨路', '罗山路', '博山路', '源深路', '张杨路', '浦东大道', '栖霞路', '崂山路', '东方路', '沂林路', '云山路',
  '金桥路', '灵山路', '长岛路', '黄山路', '巨峰路', '枣庄路', '德州路', '临沂路', '浦建路', '杨高南路', '羽山路',
  '桃林路', '峨山路', '昌邑路', '博兴路', '歇浦路', '商城路', '潍坊路', '南泉路', '乳山路', '福山路', '即墨路',
  '文登路', '松林路', '浦电路', '兰村路', '东昌路', '苗圃路', '浦城路', '东明路', '凌兆路', '三林路', '上南路',
  '成山路', '齐河路', '沪南路', '北艾路', '高科西路', '锦绣路', '花木路', '芳甸路', '樱花路', '民生路', '银山路',
  '五莲路', '蓝村路', '莱阳路', '胶东路', '居家桥路', '荣成路', '长清路', '耀华路', '济阳路', '洪山路', '钱仓路',
  '寿光路', '泰东路', '金高路', '高行路', '东靖路', '莱芜路', '胶州路', '青州路', '平度路', '招远路', '黄县路',
  '潍县路', '诸城路', '日照路', '海阳路', '新泰路', '莒县路', '蒙阴路', '沂南路', '费县路', '郯城路', '兰陵路',
];

// prettier-ignore
const COMPOUND_STEMS: readonly string[] = [
  '金杨', '罗山', '博山', '源深', '崂山', '东方', '沂林', '云山', '金桥', '灵山', '长岛', '黄山', '巨峰', '枣庄',
  '德州', '临沂', '羽山', '桃林', '峨山', '昌邑', '潍坊', '南泉', '乳山', '福山', '松林', '东昌', '凌兆', '三林',
];
export const CHINESE_NUMERALS: readonly string[] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const EMPLOYERS: readonly string[] = ['上钢三厂', '沪东造船厂', '上海第二纺织机械厂', '浦东电机厂', '上海港务局', '上海铁路局', '浦东煤气厂', '上海船厂'];
const ESTATE_SUFFIXES: readonly string[] = ['花园', '苑', '公寓', '家园', '名邸', '华庭', '新城', '雅苑'];
const ESTATE_WORDS: readonly string[] = ['阳光', '世纪', '锦绣', '明珠', '滨江', '御景', '金色', '翠湖', '中邦', '仁恒', '东方', '绿洲'];

export type CompoundKind = 'SELF_MANAGED' | 'PROPERTY_MANAGED' | 'EMPLOYER' | 'COURTYARD';
// prettier-ignore
export const COMPOUND_KINDS = new WeightedPool<CompoundKind>([
  ['PROPERTY_MANAGED', 45], ['SELF_MANAGED', 30], ['EMPLOYER', 15], ['COURTYARD', 10],
]);

/** A compound's name by kind: 新村 for old public housing, estates for commodity housing, 里/坊 for lanes. */
export function compoundName(random: Random, kind: CompoundKind): string {
  switch (kind) {
    case 'SELF_MANAGED':
      return `${random.pick(COMPOUND_STEMS)}${random.pick(CHINESE_NUMERALS)}村`;
    case 'PROPERTY_MANAGED':
      return `${random.pick(ESTATE_WORDS)}${random.pick(ESTATE_SUFFIXES)}`;
    case 'EMPLOYER':
      return `${random.pick(EMPLOYERS)}${random.pick(['职工住宅', '宿舍', '家属院'])}`;
    case 'COURTYARD':
      return `${random.pick(COMPOUND_STEMS)}${random.pick(['里', '坊'])}`;
  }
}

/** Where the floating population is registered (户籍地), weighted like Shanghai's migrants. */
// prettier-ignore
const ORIGINS = new WeightedPool<readonly [string, readonly string[]]>([
  [['安徽省', ['合肥市肥东县', '阜阳市颍上县', '六安市寿县', '安庆市怀宁县', '亳州市蒙城县']], 29],
  [['江苏省', ['盐城市阜宁县', '南通市如东县', '徐州市沛县', '泰州市兴化市']], 16],
  [['河南省', ['信阳市固始县', '周口市太康县', '商丘市永城市', '驻马店市上蔡县']], 10],
  [['四川省', ['南充市营山县', '达州市渠县', '广安市岳池县', '巴中市平昌县']], 7],
  [['江西省', ['上饶市鄱阳县', '九江市都昌县', '抚州市临川区']], 6],
  [['浙江省', ['温州市瑞安市', '台州市温岭市', '丽水市青田县']], 6],
  [['湖北省', ['黄冈市浠水县', '荆州市监利市', '孝感市大悟县']], 5],
  [['山东省', ['菏泽市曹县', '临沂市兰陵县', '济宁市嘉祥县']], 5],
  [['湖南省', ['邵阳市邵东市', '衡阳市衡南县', '永州市祁阳市']], 4],
  [['福建省', ['莆田市仙游县', '宁德市福安市']], 3],
]);
const TOWNS: readonly string[] = ['城关镇', '新集镇', '王庄镇', '东风乡', '桥头镇', '三河镇', '太平乡', '李集镇'];
const VILLAGES: readonly string[] = ['张庄村', '李楼村', '前进村', '红星村', '新华村', '大王村', '河口村', '刘湾村'];

export function originAddress(random: Random): string {
  const [province, counties] = ORIGINS.draw(random);
  return `${province}${random.pick(counties)}${random.pick(TOWNS)}${random.pick(VILLAGES)}${random.int(1, 12)}组${random.int(1, 60)}号`;
}
