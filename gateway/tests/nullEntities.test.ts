import { nullEntities } from '../src/nullEntities';

describe('nullEntities', () => {
  it('nulls, for each entity, the fields its own type was asked for, by response name', () => {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Resident { __typename labour { onRecord } card: socialSecurityCardNumber }
      ... on Household { members { relationToHead } }
    } }`;
    const representations = [
      { __typename: 'Household', id: 'H1' },
      { __typename: 'Resident', id: 'R1' },
      { __typename: 'Resident', id: 'R2' },
    ];
    expect(nullEntities(query, representations)).toEqual([
      { __typename: 'Household', members: null },
      { __typename: 'Resident', labour: null, card: null },
      { __typename: 'Resident', labour: null, card: null },
    ]);
  });

  it('keeps one answer per representation, even for a type the operation does not ask about', () => {
    const query = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { labour { onRecord } } } }';
    expect(nullEntities(query, [{ __typename: 'Grid', id: 'G1' }, null])).toEqual([{ __typename: 'Grid' }, { __typename: undefined }]);
  });
});
