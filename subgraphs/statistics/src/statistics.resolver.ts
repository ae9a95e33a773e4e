import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { TrustedContext } from '@resident-graph/subgraph-kit';
import { Statistics, StatisticsInput } from './statistics.types';

export interface StatisticsContext {
  statistics: { answer(input: StatisticsInput, trust: TrustedContext['trust']): Promise<Statistics> };
}

@Resolver()
export class StatisticsResolver {
  @Query(() => Statistics, { description: 'Counts of residents or households for analysts: aggregates only, never a person' })
  statistics(@Arg('input', () => StatisticsInput) input: StatisticsInput, @Ctx() context: StatisticsContext & TrustedContext): Promise<Statistics> {
    return context.statistics.answer(input, context.trust);
  }
}
