import { DepartmentError } from '@resident-graph/adapter-kit';
import { normalizeCitizenId } from '@resident-graph/schemas';
import type { AllowanceReview, CivilAffairsRecord } from './CivilAffairsRecord';
import { ASSISTANCE_KIND, DISABILITY_CATEGORY, DISABILITY_GRADE, MARRIAGE_KIND, MEMBER_STATUS, REVIEW_STATUS, VETERAN_CATEGORY } from './civilAffairsCodes';
import type { AssistanceReviewRow, CivilAffairsRows } from './readCivilAffairsRows';

/**
 * One person named on one of the bureau's rows, keyed by the ID exactly as stored.
 * `addTo` decodes the row into that person's canonical record only when it is wanted,
 * so a row with a bad code fails the lookup that reads it, not the ID scan.
 */
export interface RecordParty {
  storedId: string;
  recordReference: string;
  nameOnRecord: string;
  addTo(record: CivilAffairsRecord): void;
}

function badResponse(message: string): DepartmentError {
  return new DepartmentError('DEPARTMENT_BAD_RESPONSE', 'civil-affairs', message);
}

function decoded<T>(value: T | undefined, what: string, code: string): T {
  if (value === undefined) throw badResponse(`unknown ${what} code "${code}"`);
  return value;
}

/** Where one person has several rows of a one-per-person fact, the latest stands. */
function latest<T>(current: T | null, candidate: T, dateOf: (value: T) => string): T {
  return current !== null && dateOf(current) >= dateOf(candidate) ? current : candidate;
}

/** The citizen ID if the stored form is a valid one (a 15-digit ID converted), else `null`. */
function validIdOrNull(storedId: string): string | null {
  const result = normalizeCitizenId(storedId);
  return result.ok ? result.id : null;
}

function toAllowanceReview(review: AssistanceReviewRow): AllowanceReview {
  return {
    reviewNumber: review.reviewNumber,
    reason: review.reason,
    registeredOn: review.registeredOn,
    status: decoded(REVIEW_STATUS.decode(review.statusCode), '复核状态', review.statusCode),
    memberId: validIdOrNull(review.citizenId),
  };
}

export function* recordParties(rows: CivilAffairsRows): Generator<RecordParty> {
  for (const member of rows.members) {
    yield {
      storedId: member.citizenId,
      recordReference: member.caseNumber,
      nameOnRecord: member.name,
      addTo(record) {
        record.allowanceCases.push({
          caseNumber: member.caseNumber,
          kind: decoded(ASSISTANCE_KIND.decode(member.kindCode), '救助类型', member.kindCode),
          status: decoded(MEMBER_STATUS.decode(member.statusCode), '成员状态', member.statusCode),
          since: member.since,
          amountPerMonth: member.amountFen / 100,
          reviews: member.reviews.map(toAllowanceReview),
        });
      },
    };
  }
  for (const certificate of rows.certificates) {
    yield {
      storedId: certificate.citizenId,
      recordReference: certificate.certificateNumber,
      nameOnRecord: certificate.name,
      addTo(record) {
        const disability = {
          certificateNumber: certificate.certificateNumber,
          category: decoded(DISABILITY_CATEGORY.decode(certificate.categoryCode), '残疾类别', certificate.categoryCode),
          grade: decoded(DISABILITY_GRADE.decode(certificate.gradeCode), '残疾等级', certificate.gradeCode),
          issuedOn: certificate.issuedOn,
        };
        record.disability = latest(record.disability, disability, (value) => value.issuedOn);
      },
    };
  }
  for (const allowance of rows.elderlyAllowances) {
    yield {
      storedId: allowance.citizenId,
      recordReference: allowance.paymentNumber,
      nameOnRecord: allowance.name,
      addTo(record) {
        // A stopped allowance (停发) stays on the table; the record shows only one still paid.
        if (allowance.stoppedOn !== null) return;
        const elderlyAllowance = { since: allowance.since, amountPerMonth: allowance.amountYuan };
        record.elderlyAllowance = latest(record.elderlyAllowance, elderlyAllowance, (value) => value.since);
      },
    };
  }
  for (const benefit of rows.veteranBenefits) {
    yield {
      storedId: benefit.citizenId,
      recordReference: benefit.certificateNumber,
      nameOnRecord: benefit.name,
      addTo(record) {
        const category = decoded(VETERAN_CATEGORY.decode(benefit.categoryCode, benefit.categoryName), '优抚类别', benefit.categoryCode);
        const veteranBenefit = { category, since: benefit.recognisedOn };
        record.veteranBenefit = latest(record.veteranBenefit, veteranBenefit, (value) => value.since);
      },
    };
  }
  for (const marriage of rows.marriages) {
    const parties = [
      { id: marriage.husbandId, name: marriage.husbandName, spouseId: marriage.wifeId, spouseName: marriage.wifeName },
      { id: marriage.wifeId, name: marriage.wifeName, spouseId: marriage.husbandId, spouseName: marriage.husbandName },
    ];
    for (const party of parties) {
      if (party.id === null) continue;
      yield {
        storedId: party.id,
        recordReference: marriage.certificateNumber,
        nameOnRecord: party.name,
        addTo(record) {
          record.marriages.push({
            registeredOn: marriage.registeredOn,
            kind: decoded(MARRIAGE_KIND.decode(marriage.kindCode), '登记类型', marriage.kindCode),
            spouseName: party.spouseName,
            spouseId: party.spouseId === null ? null : validIdOrNull(party.spouseId),
          });
        },
      };
    }
  }
}
