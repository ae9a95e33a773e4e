import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { normalizeCitizenId } from '@resident-graph/schemas';

function parseCitizenId(value: unknown): string {
  if (typeof value !== 'string') {
    throw new GraphQLError('CitizenId must be a string', { extensions: { code: 'INVALID_CITIZEN_ID' } });
  }
  const result = normalizeCitizenId(value);
  if (!result.ok) {
    throw new GraphQLError(`"${value}" is not a valid citizen ID (${result.problem})`, {
      extensions: { code: 'INVALID_CITIZEN_ID', problem: result.problem },
    });
  }
  return result.id;
}

/** 18 characters with a GB 11643 check digit; 15-digit input is converted. */
export const CitizenIdScalar = new GraphQLScalarType({
  name: 'CitizenId',
  description: 'Citizen ID (公民身份号码), 18 characters with a GB 11643 check digit; 15-digit input is converted',
  serialize: (value) => value,
  parseValue: parseCitizenId,
  parseLiteral: (ast) => parseCitizenId(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDate(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new GraphQLError(`"${String(value)}" is not a date (YYYY-MM-DD)`, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A calendar date, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
