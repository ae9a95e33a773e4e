import type { TruthPublicSecurity } from '@resident-graph/schemas';
import type { Dwelling } from './buildStreet';
import { addYears, toDay, toIsoDate } from './dates';
import type { Person } from './people';
import { originAddress } from './places';
import type { Random } from './random';
import { REGION_CODE } from './presets';
import type { Serials } from './Serials';

/**
 * Household registration facts. Registered residents belong to the household of the
 * dwelling they live in; the floating population is registered elsewhere (a family shares
 * its home address, flatmates each have their own) and holds a three-year residence permit.
 */
export function decidePublicSecurity(random: Random, people: readonly Person[], serials: Serials, asOf: string): Map<Person, TruthPublicSecurity> {
  const asOfDay = toDay(asOf);
  const familyOrigins = new Map<Dwelling, string>();
  const records = new Map<Person, TruthPublicSecurity>();
  for (const person of people) {
    let registeredAddress = person.dwelling.address;
    let residencePermit: TruthPublicSecurity['residencePermit'] = null;
    if (person.floating) {
      registeredAddress = person.role === 'COTENANT' ? originAddress(random) : (familyOrigins.get(person.dwelling) ?? originAddress(random));
      if (person.role !== 'COTENANT') familyOrigins.set(person.dwelling, registeredAddress);
      const issuedDay = random.int(Math.max(asOfDay - 3 * 365 - 120, toDay(person.birthDate) + 30), asOfDay - 7);
      const issuedOn = toIsoDate(issuedDay);
      residencePermit = { number: serials.next(REGION_CODE, issuedOn.slice(0, 4)), issuedOn, expiresOn: toIsoDate(toDay(addYears(issuedOn, 3)) - 1) };
    }
    records.set(person, {
      ethnicityCode: person.ethnicityCode,
      maritalStatus: person.maritalStatus,
      householdId: person.floating ? null : person.dwelling.id,
      relationToHead: person.relationToHead,
      registeredAddress,
      populationType: person.floating ? 'FLOATING' : 'PERMANENT',
      residencePermit,
    });
  }
  return records;
}
