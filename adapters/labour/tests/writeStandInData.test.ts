import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { writeStandInData } from '@resident-graph/adapter-labour/stand-in';
import { labourPopulation, residentsOf } from './fixtures/population';
import { tempDir } from './fixtures/tempDir';

describe('writeStandInData', () => {
  const population = labourPopulation();
  const { employed, laidOff, unemployed, typo, noRecord, retired } = residentsOf(population);
  let dir: string;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, remove } = await tempDir());
    await writeStandInData(population, dir);
  });
  afterAll(() => remove());

  async function exportRows(): Promise<string[][]> {
    const bytes = await readFile(path.join(dir, 'labour', 'export', 'shebao_20260630.csv'));
    return parse(iconv.decode(bytes, 'gbk')) as string[][];
  }

  it('writes one export named after asOf, GBK-encoded with CRLF line ends', async () => {
    expect(await readdir(path.join(dir, 'labour', 'export'))).toEqual(['shebao_20260630.csv']);
    const bytes = await readFile(path.join(dir, 'labour', 'export', 'shebao_20260630.csv'));
    expect(bytes.subarray(0, 8)).toEqual(iconv.encode('社保卡号', 'gbk'));
    expect(bytes.toString('utf8')).not.toContain('社保卡号');
    expect(bytes.toString('latin1')).toMatch(/\r\n$/);
  });

  it('lists one row per card and insurance, with the IDs and names as the bureau stores them', async () => {
    const [header, ...rows] = await exportRows();
    expect(header).toEqual(['社保卡号', '公民身份号码', '姓名', '险种代码', '累计缴费月数', '参保状态']);
    const rowsOf = (card: string) => rows.filter((row) => row[0] === card);

    const employedRows = rowsOf(employed.labour!.socialSecurityCardNumber);
    expect(employedRows.map((row) => row.slice(1))).toEqual([
      [employed.id, '張偉國', '110', '156', '1'],
      [employed.id, '張偉國', '310', '156', '1'],
      [employed.id, '張偉國', '210', '98', '2'],
    ]);
    expect(rowsOf(laidOff.labour!.socialSecurityCardNumber)[0]![1]).toHaveLength(15);
    const storedFormatting = unemployed.imperfections[0]!;
    expect(rowsOf(unemployed.labour!.socialSecurityCardNumber)[0]![1]).toBe('storedId' in storedFormatting ? storedFormatting.storedId : '');
    expect(rowsOf(typo.labour!.socialSecurityCardNumber)[0]![1]).not.toBe(typo.id);
    expect(rowsOf(retired.labour!.socialSecurityCardNumber)).toEqual([[retired.labour!.socialSecurityCardNumber, retired.id, retired.name, '', '', '']]);
    expect(rows.some((row) => row[1] === noRecord.id)).toBe(false);
    expect(rows).toHaveLength(3 + 1 + 4 + 1 + 1);
  });

  it("stores the query API's facts per card in the bureau's codes", async () => {
    const cards = JSON.parse(await readFile(path.join(dir, 'labour', 'api', 'cards.json'), 'utf8')) as { cardNo: string }[];
    expect(cards.map((card) => card.cardNo).sort()).toEqual(population.residents.flatMap((r) => (r.labour ? [r.labour.socialSecurityCardNumber] : [])).sort());
    expect(cards.find((card) => card.cardNo === unemployed.labour!.socialSecurityCardNumber)).toEqual({
      cardNo: unemployed.labour!.socialSecurityCardNumber,
      jobStatus: '21',
      laidOffFlag: '0',
      unemploymentReg: { regDate: '20260302', certNo: 'SY3101152026000123' },
      skillCerts: [
        { certName: '中式烹调师', certLevel: '中级', issueDate: '20191120' },
        { certName: '叉车司机', certLevel: '初级', issueDate: '20210408' },
      ],
    });
  });
});
