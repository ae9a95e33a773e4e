import type { StoredKey } from '@resident-graph/adapter-kit';
import type { PrismaClient } from './generated/prisma/client';

/**
 * Every key the bureau's rows are stored under — the ID as stored, the row's reference and
 * the name on it — for the scan that finds IDs failing validation and IDs stored in another
 * form. In the order `recordParties` names the same people (members, certificates,
 * allowances, benefits, then each marriage's husband and wife), but only the three columns:
 * the whole rows with their cases and reviews, read only to be dropped, held the subgraph's
 * heap at a district's size long after the scan.
 */
export async function readStoredKeys(prisma: PrismaClient): Promise<StoredKey[]> {
  const [members, certificates, elderlyAllowances, veteranBenefits, marriages] = await prisma.$transaction([
    prisma.assistanceMember.findMany({ select: { citizenId: true, caseNumber: true, name: true } }),
    prisma.disabilityCertificate.findMany({ select: { citizenId: true, certificateNumber: true, name: true } }),
    prisma.elderlyAllowance.findMany({ select: { citizenId: true, paymentNumber: true, name: true } }),
    prisma.veteranBenefit.findMany({ select: { citizenId: true, certificateNumber: true, name: true } }),
    prisma.marriageRegistration.findMany({ select: { certificateNumber: true, husbandId: true, husbandName: true, wifeId: true, wifeName: true } }),
  ]);
  return [
    ...members.map((row) => ({ storedId: row.citizenId, recordReference: row.caseNumber, nameOnRecord: row.name })),
    ...certificates.map((row) => ({ storedId: row.citizenId, recordReference: row.certificateNumber, nameOnRecord: row.name })),
    ...elderlyAllowances.map((row) => ({ storedId: row.citizenId, recordReference: row.paymentNumber, nameOnRecord: row.name })),
    ...veteranBenefits.map((row) => ({ storedId: row.citizenId, recordReference: row.certificateNumber, nameOnRecord: row.name })),
    ...marriages.flatMap((row) => [
      ...(row.husbandId === null ? [] : [{ storedId: row.husbandId, recordReference: row.certificateNumber, nameOnRecord: row.husbandName }]),
      ...(row.wifeId === null ? [] : [{ storedId: row.wifeId, recordReference: row.certificateNumber, nameOnRecord: row.wifeName }]),
    ]),
  ];
}
