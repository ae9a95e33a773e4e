import { AUDIENCES } from '../src';
import { accessTable, accessLines, sectionAccess } from '../src/testing';

const HEADER = `field ${AUDIENCES.join(' ')}`;
const everyone = (access: string) => AUDIENCES.map(() => access).join(' ');

describe('access tables written by hand', () => {
  it('reads each row as one access per audience, in the header order', () => {
    const table = accessTable(`${HEADER}\nGrid.name allow mask deny deny deny deny`);
    expect(table.Grid?.name).toEqual({
      'grid-worker': 'allow',
      'window-clerk': 'mask',
      'own-officer': 'deny',
      'other-officer': 'deny',
      analyst: 'deny',
      auditor: 'deny',
    });
  });

  it("implies federation's _service rows and nothing else", () => {
    expect(accessLines(accessTable(`${HEADER}\n# a comment\n\nGrid.id ${everyone('deny')}`))).toEqual([
      `Grid.id  ${everyone('deny')}`,
      `Query._service  ${everyone('allow')}`,
      `_Service.sdl  ${everyone('allow')}`,
    ]);
  });

  it('refuses an implied row written out, a row written twice, a bad header and a bad access', () => {
    expect(() => accessTable(`${HEADER}\nQuery._service ${everyone('allow')}`)).toThrow('Query._service is implied: allowed to every audience');
    expect(() => accessTable(`${HEADER}\nGrid.id ${everyone('deny')}\nGrid.id ${everyone('deny')}`)).toThrow('Grid.id is written twice');
    expect(() => accessTable(`field auditor\nGrid.id deny`)).toThrow('an access table starts with');
    expect(() => accessTable(`${HEADER}\nGrid.id ${everyone('open')}`)).toThrow('not a row of an access table: Grid.id open');
    expect(() => accessTable(`${HEADER}\nGrid ${everyone('deny')}`)).toThrow('not a row of an access table');
  });

  it('gives a section subgraph _entities and Resident.id for all, jurisdiction and audit on Resident and on its review mutations', () => {
    const access = sectionAccess('housing', `${HEADER}\nResident.housing ${everyone('jurisdiction')}`);
    expect(access.department).toBe('housing');
    expect(access.jurisdictionChecked).toEqual(['Resident', 'Mutation']);
    expect(access.personalTypes).toEqual(['Resident', 'Mutation']);
    expect(accessLines(access.table)).toEqual([
      `Query._entities  ${everyone('allow')}`,
      `Query._service  ${everyone('allow')}`,
      `Resident.housing  ${everyone('jurisdiction')}`,
      `Resident.id  ${everyone('allow')}`,
      `_Service.sdl  ${everyone('allow')}`,
    ]);
    expect(() => sectionAccess('housing', `${HEADER}\nResident.id ${everyone('allow')}`)).toThrow('Resident.id is implied');
  });
});
