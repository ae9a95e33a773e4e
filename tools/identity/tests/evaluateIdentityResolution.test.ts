import type { TruthResident } from '@resident-graph/schemas';
import { oneGridPopulation } from '@resident-graph/test-kit';
import { evaluateIdentityResolution } from '../src/evaluation/evaluateIdentityResolution';
import { toTruthLine } from '../src/evaluation/readTruth';

const NO_CIVIL_AFFAIRS_CASES = { allowanceCases: [], disability: null, elderlyAllowance: null, veteranBenefit: null, marriages: [] };

/** 77 civil-affairs records: every seventh under its 15-digit ID, every eleventh (the rest) mistyped in a region digit. */
function population(): TruthResident[] {
  const { residents } = oneGridPopulation(77, {
    department: 'civil-affairs',
    birthYears: { from: 1940, span: 50 },
    typo: { at: 5, of: (id) => `${id.slice(0, 2)}${(Number(id[2]) + 4) % 10}${id.slice(3)}` },
    sectionOf: () => ({ civilAffairs: NO_CIVIL_AFFAIRS_CASES }),
  });
  return residents;
}

describe('evaluateIdentityResolution', () => {
  it('scores the matcher against the imperfections the truth lists', () => {
    const residents = population();
    const imperfect = residents.filter((resident) => resident.imperfections.length > 0).length;
    const evaluation = evaluateIdentityResolution(residents.map((resident, index) => toTruthLine(resident, index + 1)));
    expect(evaluation.records).toBe(77);
    expect(evaluation.imperfectIds).toBe(imperfect);
    expect(evaluation.automaticPrecision).toEqual({ hits: imperfect, of: imperfect });
    expect(evaluation.linkedOrQueuedRecall).toEqual({ hits: imperfect, of: imperfect });
    expect(evaluation.resolvedAsStored).toEqual({ hits: 77 - imperfect, of: 77 - imperfect });
    expect(evaluation.afterReviewPrecision).toEqual({ hits: imperfect, of: imperfect });
    expect(evaluation.afterReviewRecall).toEqual({ hits: imperfect, of: imperfect });
  });

  it('scores a review that confirms each queued record’s first candidate: a probable link, once confirmed, counts as linked rightly', () => {
    const residents = population();
    const typoed = residents.filter((resident) => resident.imperfections[0]?.kind === 'ID_TYPO');
    // The register knows one typoed resident by another given name: the link is no longer certain, only probable — and still right.
    typoed[0]!.name = `${typoed[0]!.name[0]}某某`;
    const lines = residents.map((resident, index) => toTruthLine(resident, index + 1));
    lines.find((line) => line.resident.id === typoed[0]!.id)!.records[0]!.nameOnRecord = `${typoed[0]!.name[0]}建华`;
    const evaluation = evaluateIdentityResolution(lines);
    expect(evaluation.queued.PROBABLE).toBe(1);
    expect(evaluation.automaticRecall.of - evaluation.automaticRecall.hits).toBe(1);
    expect(evaluation.afterReviewRecall).toEqual({ hits: evaluation.imperfectIds, of: evaluation.imperfectIds });
    expect(evaluation.afterReviewPrecision.hits).toBe(evaluation.afterReviewPrecision.of);
  });

  it('counts a link to the wrong resident against precision and recall', () => {
    const residents = population();
    const typoed = residents.find((resident) => resident.imperfections[0]?.kind === 'ID_TYPO')!;
    // The truth now says the record belongs to someone else: the matcher's link to the resident its ID points at is wrong.
    const lines = residents.map((resident, index) => toTruthLine(resident, index + 1));
    const line = lines.find((candidate) => candidate.resident.id === typoed.id)!;
    const impostor = lines.find((candidate) => candidate.imperfections.length === 0)!;
    [line.records, impostor.records] = [impostor.records, line.records];
    [line.imperfections, impostor.imperfections] = [impostor.imperfections, line.imperfections];
    const evaluation = evaluateIdentityResolution(lines);
    expect(evaluation.automaticPrecision.of - evaluation.automaticPrecision.hits).toBe(1);
    expect(evaluation.linkedOrQueuedRecall.of - evaluation.linkedOrQueuedRecall.hits).toBe(1);
    expect(evaluation.afterReviewPrecision.of - evaluation.afterReviewPrecision.hits).toBe(1);
    expect(evaluation.resolvedAsStored.of - evaluation.resolvedAsStored.hits).toBe(1);
  });

  it('flags a name keyed in traditional characters and raises no alarm on the rest', () => {
    const residents = population();
    residents[0]!.name = '陈丽华';
    residents[0]!.imperfections.push({ department: 'civil-affairs', kind: 'NAME_VARIANT', storedName: '陳麗華' });
    residents[1]!.name = '黄伟';
    const evaluation = evaluateIdentityResolution(residents.map((resident, index) => toTruthLine(resident, index + 1)));
    expect(evaluation.nameVariantRecall).toEqual({ hits: 1, of: 1 });
    expect(evaluation.nameVariantFalseAlarms).toBe(0);
  });
});
