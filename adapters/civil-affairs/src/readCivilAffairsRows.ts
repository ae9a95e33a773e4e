import type {
  AssistanceCase,
  AssistanceMember,
  DisabilityCertificate,
  ElderlyAllowance,
  MarriageRegistration,
  PrismaClient,
  VeteranBenefit,
} from './generated/prisma/client';

/** The bureau's rows as read, before any mapping onto the canonical model. */
export interface CivilAffairsRows {
  members: (AssistanceMember & { assistanceCase: AssistanceCase })[];
  certificates: DisabilityCertificate[];
  elderlyAllowances: ElderlyAllowance[];
  veteranBenefits: VeteranBenefit[];
  marriages: MarriageRegistration[];
}

/**
 * Prisma splits a long `in` list over several statements; with two lists joined by OR a
 * registration naming people from different parts comes back more than once.
 */
function uniqueRegistrations(marriages: MarriageRegistration[]): MarriageRegistration[] {
  return [...new Map(marriages.map((marriage) => [marriage.certificateNumber, marriage])).values()];
}

/**
 * Reads every table in one transaction: one round trip to the bureau's database. With
 * `storedIds` only the rows keyed by those exact stored forms; without, every row (the
 * scan that finds IDs failing validation).
 */
export async function readCivilAffairsRows(prisma: PrismaClient, storedIds?: readonly string[]): Promise<CivilAffairsRows> {
  const byId = storedIds ? { citizenId: { in: [...storedIds] } } : {};
  const [members, certificates, elderlyAllowances, veteranBenefits, marriages] = await prisma.$transaction([
    prisma.assistanceMember.findMany({ where: byId, include: { assistanceCase: true } }),
    prisma.disabilityCertificate.findMany({ where: byId }),
    prisma.elderlyAllowance.findMany({ where: byId }),
    prisma.veteranBenefit.findMany({ where: byId }),
    prisma.marriageRegistration.findMany({
      where: storedIds ? { OR: [{ husbandId: { in: [...storedIds] } }, { wifeId: { in: [...storedIds] } }] } : {},
    }),
  ]);
  return { members, certificates, elderlyAllowances, veteranBenefits, marriages: uniqueRegistrations(marriages) };
}
