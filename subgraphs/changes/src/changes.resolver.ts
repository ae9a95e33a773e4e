import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { PolicedContext } from '@resident-graph/subgraph-kit';
import type { ChangesService } from './changesService';
import { ChangeReport, ChangeReportConnection, ChangeReportFilter, ChangeReportInput } from './changes.types';

export interface ChangesContext {
  changes: ChangesService;
}

@Resolver()
export class ChangesResolver {
  @Mutation(() => ChangeReport, { description: 'Reports a change once: every department that must act on it gets it, each with its deadline' })
  reportChange(@Arg('input', () => ChangeReportInput) input: ChangeReportInput, @Ctx() context: ChangesContext & PolicedContext): Promise<ChangeReport> {
    return context.changes.report(input, context);
  }

  @Query(() => ChangeReport, { nullable: true, description: 'A reported change and how far each department has come with it' })
  changeReport(@Arg('id', () => ID) id: string, @Ctx() context: ChangesContext): Promise<ChangeReport | null> {
    return context.changes.reportById(id);
  }

  @Query(() => ChangeReportConnection, { description: "The supervisors' list: reports by their worst deadline light (red first), by department" })
  changeReports(
    @Arg('filter', () => ChangeReportFilter, { nullable: true }) filter: ChangeReportFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: ChangesContext,
  ): Promise<ChangeReportConnection> {
    return context.changes.list(filter ?? {}, first, after);
  }
}
