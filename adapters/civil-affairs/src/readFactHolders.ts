import { ASSISTANCE_KIND, MEMBER_STATUS } from './civilAffairsCodes';
import type { PrismaClient } from './generated/prisma/client';

const startOf = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The stored IDs of everyone on a 低保 case who receives it at `asOf`, as
 * `minimumLivingAllowanceActiveAt` (schemas) defines it, in one query. The case belongs
 * to the household, but status and start are the member's own (成员状态, 纳入日期): a
 * member added later or stopped since is not a recipient for the household's sake.
 */
export async function readAllowanceRecipients(prisma: PrismaClient, asOf: string): Promise<string[]> {
  const members = await prisma.assistanceMember.findMany({
    where: {
      statusCode: MEMBER_STATUS.encode('ACTIVE'),
      since: { lte: startOf(asOf) },
      assistanceCase: { kindCode: ASSISTANCE_KIND.encode('MINIMUM_LIVING_ALLOWANCE') },
    },
    select: { citizenId: true },
  });
  return members.map((member) => member.citizenId);
}

/** The stored IDs of everyone holding a disability certificate (残疾人证), in one query. */
export async function readDisabilityHolders(prisma: PrismaClient): Promise<string[]> {
  const certificates = await prisma.disabilityCertificate.findMany({ select: { citizenId: true } });
  return certificates.map((certificate) => certificate.citizenId);
}

/** Every stored ID of every person on any of the bureau's tables (repeats included), in one transaction. */
export async function readStoredIds(prisma: PrismaClient): Promise<string[]> {
  const id = { select: { citizenId: true } } as const;
  const [members, certificates, elderlyAllowances, veteranBenefits, marriages] = await prisma.$transaction([
    prisma.assistanceMember.findMany(id),
    prisma.disabilityCertificate.findMany(id),
    prisma.elderlyAllowance.findMany(id),
    prisma.veteranBenefit.findMany(id),
    prisma.marriageRegistration.findMany({ select: { husbandId: true, wifeId: true } }),
  ]);
  return [
    ...[...members, ...certificates, ...elderlyAllowances, ...veteranBenefits].map((row) => row.citizenId),
    ...marriages.flatMap((marriage) => [marriage.husbandId, marriage.wifeId]).filter((storedId) => storedId !== null),
  ];
}
