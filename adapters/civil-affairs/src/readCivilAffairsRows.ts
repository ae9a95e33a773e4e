import type {
  AssistanceCase,
  AssistanceMember,
  AssistanceReview,
  DisabilityCertificate,
  ElderlyAllowance,
  MarriageRegistration,
  PrismaClient,
  VeteranBenefit,
} from './generated/prisma/client';

/** The bureau's rows as read, before any mapping onto the canonical model. */
export interface CivilAffairsRows {
  /** Each membership with its case and the case's reviews, in the order registered. */
  members: (AssistanceMember & { assistanceCase: AssistanceCase & { reviews: AssistanceReview[] } })[];
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
 * Reads every table in one transaction, one round trip to the bureau's database: the rows
 * keyed by these exact stored forms.
 */
export async function readCivilAffairsRows(prisma: PrismaClient, storedIds: readonly string[]): Promise<CivilAffairsRows> {
  const byId = { citizenId: { in: [...storedIds] } };
  const [members, certificates, elderlyAllowances, veteranBenefits, marriages] = await prisma.$transaction([
    // The reviews by case number: a case's reviews whatever form of the ID its member rows hold.
    prisma.assistanceMember.findMany({
      where: byId,
      include: { assistanceCase: { include: { reviews: { orderBy: { reviewNumber: 'asc' } } } } },
    }),
    prisma.disabilityCertificate.findMany({ where: byId }),
    prisma.elderlyAllowance.findMany({ where: byId }),
    prisma.veteranBenefit.findMany({ where: byId }),
    prisma.marriageRegistration.findMany({
      where: { OR: [{ husbandId: { in: [...storedIds] } }, { wifeId: { in: [...storedIds] } }] },
    }),
  ]);
  return { members, certificates, elderlyAllowances, veteranBenefits, marriages: uniqueRegistrations(marriages) };
}
