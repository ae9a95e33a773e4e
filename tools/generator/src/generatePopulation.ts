import type { Population, TruthResident } from '@resident-graph/schemas';
import { buildStreet } from './buildStreet';
import { CitizenIdIssuer } from './CitizenIdIssuer';
import { decideCivilAffairs } from './civilAffairs';
import { toDay } from './dates';
import { buildFamily } from './families';
import { decideFamilyPlanning } from './familyPlanning';
import { householdSizes } from './householdSizes';
import { addImperfections } from './imperfections';
import { decideLabour } from './labour';
import { createHousehold } from './people';
import { AS_OF, DEFAULT_SEED, PRESETS, REGION_CODE, type PresetName } from './presets';
import { decidePublicSecurity } from './publicSecurity';
import { Random } from './random';
import { residentCategories } from './residentCategories';
import { Serials } from './Serials';

export interface GenerateOptions {
  preset: PresetName;
  /** @default DEFAULT_SEED */
  seed?: number;
}

/**
 * Builds a whole street and everyone in it, deterministically from the seed: the street's
 * layout, families in every dwelling, each department's facts and the imperfections of
 * each department's copy. Residents come in street order (grid, building, dwelling, head first).
 */
export function generatePopulation({ preset: presetName, seed = DEFAULT_SEED }: GenerateOptions): Population {
  const preset = PRESETS[presetName];
  const stream = (name: string) => new Random(seed, name);
  const street = buildStreet(stream('street'), preset, REGION_CODE);

  const families = stream('families');
  const sizes = householdSizes(
    families,
    street.dwellings.map((dwelling) => !dwelling.registered),
    preset.residents,
  );
  const issuer = new CitizenIdIssuer(REGION_CODE, stream('ids'));
  const asOfDay = toDay(AS_OF);
  const people = street.dwellings.flatMap((dwelling, index) =>
    createHousehold(families, issuer, dwelling, buildFamily(families, sizes[index]!, !dwelling.registered), asOfDay),
  );

  const serials = new Serials();
  const publicSecurity = decidePublicSecurity(stream('public-security'), people, serials, AS_OF);
  const labour = decideLabour(stream('labour'), people, serials, AS_OF);
  const civilAffairs = decideCivilAffairs(stream('civil-affairs'), people, labour, serials, AS_OF);
  const familyPlanning = decideFamilyPlanning(stream('family-planning'), people, issuer, serials, AS_OF);

  const residents = people.map((person): TruthResident => {
    const facts = {
      publicSecurity: publicSecurity.get(person)!,
      civilAffairs: civilAffairs.get(person) ?? null,
      familyPlanning: familyPlanning.get(person) ?? null,
      labour: labour.get(person) ?? null,
    };
    const { dwelling } = person;
    return {
      id: person.id,
      name: person.name,
      gender: person.gender,
      birthDate: person.birthDate,
      householdId: dwelling.id,
      gridId: dwelling.gridId,
      publicSecurity: facts.publicSecurity,
      grid: {
        gridId: dwelling.gridId,
        communityId: dwelling.communityId,
        buildingId: dwelling.buildingId,
        address: dwelling.address,
        categories: residentCategories(facts, person.age),
      },
      civilAffairs: facts.civilAffairs,
      familyPlanning: facts.familyPlanning,
      labour: facts.labour,
      imperfections: [],
    };
  });
  addImperfections(stream('imperfections'), residents);
  return { asOf: AS_OF, street: street.truth, residents };
}
