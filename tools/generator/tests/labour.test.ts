import { age, pilot } from './pilot';

describe('labour facts', () => {
  const { residents, asOf } = pilot();
  const withRecord = residents.filter((resident) => resident.labour);

  it('are held for people 16–70 only, each with a unique social-security card number', () => {
    for (const resident of withRecord) {
      const years = age(resident.birthDate, asOf);
      expect(years).toBeGreaterThanOrEqual(16);
      expect(years).toBeLessThanOrEqual(70);
    }
    const cards = withRecord.map((resident) => resident.labour!.socialSecurityCardNumber);
    expect(new Set(cards).size).toBe(cards.length);
    const permanentWorkingAge = residents.filter(
      (resident) => resident.publicSecurity.populationType === 'PERMANENT' && age(resident.birthDate, asOf) >= 16 && age(resident.birthDate, asOf) <= 70,
    );
    expect(permanentWorkingAge.every((resident) => resident.labour)).toBe(true);
  });

  it('keeps employment status consistent with age: laid-off workers mostly 40–55, retirees past 50', () => {
    const laidOff = withRecord.filter((resident) => resident.labour!.laidOff);
    expect(laidOff.length).toBeGreaterThan(0);
    for (const resident of laidOff) expect(resident.labour!.employmentStatus).toBe('LAID_OFF');
    const fortyToFiftyFive = laidOff.filter((resident) => age(resident.birthDate, asOf) >= 40 && age(resident.birthDate, asOf) <= 55);
    expect(fortyToFiftyFive.length / laidOff.length).toBeGreaterThan(0.7);
    for (const resident of withRecord) {
      const { employmentStatus, unemploymentRegistration } = resident.labour!;
      if (employmentStatus === 'RETIRED') expect(age(resident.birthDate, asOf)).toBeGreaterThanOrEqual(50);
      expect(unemploymentRegistration !== null).toBe(employmentStatus === 'REGISTERED_UNEMPLOYED');
    }
  });

  it('has paid months within the years the person could have worked; the employed pay all five insurances', () => {
    for (const resident of withRecord) {
      const { insurance, employmentStatus } = resident.labour!;
      const workingMonths = (age(resident.birthDate, asOf) - 16 + 1) * 12;
      for (const entry of insurance) {
        expect(entry.paidMonths).toBeGreaterThanOrEqual(0);
        expect(entry.paidMonths).toBeLessThanOrEqual(workingMonths);
      }
      if (employmentStatus === 'EMPLOYED') {
        expect(insurance.map((entry) => entry.type).sort()).toEqual(['MATERNITY', 'MEDICAL', 'PENSION', 'UNEMPLOYMENT', 'WORK_INJURY']);
        expect(insurance.every((entry) => entry.active)).toBe(true);
      }
      if (employmentStatus === 'RETIRED') expect(insurance.find((entry) => entry.type === 'PENSION')!.paidMonths).toBeGreaterThanOrEqual(120);
    }
  });

  it('gives some workers skill certificates issued after they turned 18', () => {
    const certified = withRecord.filter((resident) => resident.labour!.skillCertificates.length > 0);
    expect(certified.length / withRecord.length).toBeGreaterThan(0.1);
    for (const resident of certified)
      for (const certificate of resident.labour!.skillCertificates) expect(age(resident.birthDate, certificate.issuedOn)).toBeGreaterThanOrEqual(18);
  });
});
