import { MAX_PURPOSE_REFERENCE, parsePurpose } from '../src';

describe('the X-Purpose header, and why it is refused', () => {
  it.each([[undefined], [''], ['   ']])('says there is no purpose for %j', (header) => {
    expect(parsePurpose(header)).toEqual({ ok: false, reason: 'no X-Purpose header' });
  });

  it('names an unknown code', () => {
    expect(parsePurpose('CURIOSITY:x')).toEqual({ ok: false, reason: 'unknown purpose code "CURIOSITY"' });
  });

  it(`takes a reference of ${MAX_PURPOSE_REFERENCE} characters and refuses one longer, saying so`, () => {
    expect(parsePurpose(`CASE_REVIEW:${'案'.repeat(MAX_PURPOSE_REFERENCE)}`)).toEqual({
      ok: true,
      purpose: { code: 'CASE_REVIEW', reference: '案'.repeat(MAX_PURPOSE_REFERENCE) },
    });
    expect(parsePurpose(`CASE_REVIEW:${'案'.repeat(MAX_PURPOSE_REFERENCE + 1)}`)).toEqual({
      ok: false,
      reason: `purpose reference longer than ${MAX_PURPOSE_REFERENCE} characters`,
    });
  });

  it('keeps a percent sign that starts no escape, and decodes only whole escapes', () => {
    expect(parsePurpose('CASE_REVIEW:50%4')).toEqual({ ok: true, purpose: { code: 'CASE_REVIEW', reference: '50%4' } });
    expect(parsePurpose('CASE_REVIEW:50%25')).toEqual({ ok: true, purpose: { code: 'CASE_REVIEW', reference: '50%' } });
  });
});
