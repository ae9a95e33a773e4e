import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DataQualityIssue as Issue, ResidentCategory } from '@resident-graph/schemas';
import { DataQualityIssue, JurisdictionType, type Jurisdiction } from '@resident-graph/subgraph-kit';
import { ResidentCategoryEnum } from '../enums';
import { Grid } from '../grid/grid.type';
import { loadGrid } from '../grid/loadGrid';
import type { GridContext } from '../GridContext';
import { lookupResident, residentJurisdiction } from './residentJurisdiction';
import { Resident } from './resident.type';

@Resolver(() => Resident)
export class ResidentResolver {
  @FieldResolver(() => JurisdictionType, {
    nullable: true,
    description: "Where the resident actually lives, for other subgraphs' jurisdiction checks; null when the grid survey does not know them",
  })
  @Directive('@inaccessible')
  jurisdiction(@Root() resident: Resident, @Ctx() context: GridContext): Promise<Jurisdiction | null> {
    return residentJurisdiction(context, resident.id);
  }

  @FieldResolver(() => Grid, { nullable: true, description: 'The grid where the resident actually lives; null when the grid survey does not know them' })
  async grid(@Root() resident: Resident, @Ctx() context: GridContext): Promise<Grid | null> {
    const { record } = await lookupResident(context, resident.id);
    return record ? loadGrid(context, record.gridId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where the resident actually lives (may differ from the registered address)' })
  async address(@Root() resident: Resident, @Ctx() context: GridContext): Promise<string | null> {
    return (await lookupResident(context, resident.id)).record?.address ?? null;
  }

  @FieldResolver(() => [ResidentCategoryEnum], {
    nullable: true,
    description: "The resident's categories in the grid survey; null with a DEPARTMENT_* error when the grid database cannot be asked",
  })
  async categories(@Root() resident: Resident, @Ctx() context: GridContext): Promise<ResidentCategory[]> {
    return (await lookupResident(context, resident.id)).record?.categories ?? [];
  }

  @FieldResolver(() => [DataQualityIssue], {
    nullable: true,
    description: 'What the grid database could not reconcile on this resident; null with a DEPARTMENT_* error when it cannot be asked',
  })
  async gridDataQualityIssues(@Root() resident: Resident, @Ctx() context: GridContext): Promise<Issue[]> {
    return (await lookupResident(context, resident.id)).issues;
  }
}
