import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { storedIdentityOf, type Population, type TruthResident } from '@resident-graph/schemas';
import { EMPLOYMENT_STATUS_BY_CODE, INSURANCE_TYPE_BY_CODE, PAYMENT_STATUS_ACTIVE, PAYMENT_STATUS_SUSPENDED, codeOf, toBureauDate } from '../bureauCodes';
import type { CardFacts } from '../cardsApi';
import { EXPORT_ENCODING, EXPORT_HEADER, exportFileName } from '../exportFormat';
import { cardStoreOf, exportDirOf } from './standInFiles';

function exportRows(resident: TruthResident): string[][] {
  const labour = resident.labour;
  if (!labour) return [];
  const { storedId, storedName } = storedIdentityOf(resident, 'labour');
  const card = [labour.socialSecurityCardNumber, storedId, storedName];
  if (labour.insurance.length === 0) return [[...card, '', '', '']];
  return labour.insurance.map((insurance) => [
    ...card,
    codeOf(INSURANCE_TYPE_BY_CODE, insurance.type),
    String(insurance.paidMonths),
    insurance.active ? PAYMENT_STATUS_ACTIVE : PAYMENT_STATUS_SUSPENDED,
  ]);
}

function cardFacts(resident: TruthResident): CardFacts[] {
  const labour = resident.labour;
  if (!labour) return [];
  const registration = labour.unemploymentRegistration;
  return [
    {
      cardNo: labour.socialSecurityCardNumber,
      jobStatus: labour.employmentStatus === 'UNKNOWN' ? null : codeOf(EMPLOYMENT_STATUS_BY_CODE, labour.employmentStatus),
      laidOffFlag: labour.laidOff ? '1' : '0',
      unemploymentReg: registration ? { regDate: toBureauDate(registration.registeredOn), certNo: registration.certificateNumber } : null,
      skillCerts: labour.skillCertificates.map((cert) => ({ certName: cert.name, certLevel: cert.level, issueDate: toBureauDate(cert.issuedOn) })),
    },
  ];
}

/**
 * Writes the bureau's data under `outDir/labour/`: the nightly export for `asOf`
 * (`export/shebao_YYYYMMDD.csv`, GBK, CRLF, Chinese header) and the query API's store
 * (`api/cards.json`).
 */
export async function writeStandInData(population: Population, outDir: string): Promise<void> {
  const exportDir = exportDirOf(outDir);
  const cardStore = cardStoreOf(outDir);
  await mkdir(exportDir, { recursive: true });
  await mkdir(path.dirname(cardStore), { recursive: true });

  const csv = stringify([EXPORT_HEADER, ...population.residents.flatMap(exportRows)], { record_delimiter: 'windows' });
  await writeFile(path.join(exportDir, exportFileName(population.asOf)), iconv.encode(csv, EXPORT_ENCODING));
  await writeFile(cardStore, JSON.stringify(population.residents.flatMap(cardFacts)));
}
