import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DepartmentLookup } from '@resident-graph/adapter-kit';
import type { GridRecord, HouseholdLocation } from '@resident-graph/adapter-grid';
import type { DataQualityIssue as Issue, ResidentCategory } from '@resident-graph/schemas';
import { DataQualityIssue, JurisdictionType, toGraphQLError } from '@resident-graph/subgraph-kit';
import { ResidentCategoryEnum } from '../enums';
import { Grid } from '../grid/grid.type';
import { loadGrid } from '../grid/loadGrid';
import type { GridContext } from '../GridContext';
import { Resident } from './resident.type';

async function lookup(resident: Resident, context: GridContext): Promise<DepartmentLookup<GridRecord>> {
  try {
    return await context.residents.load(resident.id);
  } catch (error) {
    throw toGraphQLError(error);
  }
}

@Resolver(() => Resident)
export class ResidentResolver {
  @FieldResolver(() => JurisdictionType, {
    nullable: true,
    description: "Where the resident actually lives, for other subgraphs' jurisdiction checks; null when the grid survey does not know them",
  })
  @Directive('@inaccessible')
  async jurisdiction(@Root() resident: Resident, @Ctx() context: GridContext): Promise<HouseholdLocation | null> {
    const { record } = await lookup(resident, context);
    return record && { gridId: record.gridId, communityId: record.communityId };
  }

  @FieldResolver(() => Grid, { nullable: true, description: 'The grid where the resident actually lives; null when the grid survey does not know them' })
  async grid(@Root() resident: Resident, @Ctx() context: GridContext): Promise<Grid | null> {
    const { record } = await lookup(resident, context);
    return record ? loadGrid(context, record.gridId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where the resident actually lives (may differ from the registered address)' })
  async address(@Root() resident: Resident, @Ctx() context: GridContext): Promise<string | null> {
    return (await lookup(resident, context)).record?.address ?? null;
  }

  @FieldResolver(() => [ResidentCategoryEnum], {
    nullable: true,
    description: "The resident's categories in the grid survey; null with a DEPARTMENT_* error when the grid database cannot be asked",
  })
  async categories(@Root() resident: Resident, @Ctx() context: GridContext): Promise<ResidentCategory[]> {
    return (await lookup(resident, context)).record?.categories ?? [];
  }

  @FieldResolver(() => [DataQualityIssue], {
    nullable: true,
    description: "What the grid database could not reconcile on this resident; null with a DEPARTMENT_* error when it cannot be asked",
  })
  async gridDataQualityIssues(@Root() resident: Resident, @Ctx() context: GridContext): Promise<Issue[]> {
    return (await lookup(resident, context)).issues;
  }
}
