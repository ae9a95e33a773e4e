import { createHash } from 'node:crypto';
import type { ChangeOutcome } from '@resident-graph/adapter-kit';
import type { ReportedChange } from '@resident-graph/schemas';
import type { Prisma } from './generated/prisma/client';
import { CATEGORY_LABELS } from './gridVocabulary';

type Tx = Prisma.TransactionClient;

/** The grid survey's name for a resident placed before the grid worker's home visit has recorded them. */
export const NAME_PENDING_VISIT = '待入户走访登记';
const PERMANENT = CATEGORY_LABELS.PERMANENT;
const FLOATING = CATEGORY_LABELS.FLOATING;
const CHILD_UNDER_3 = CATEGORY_LABELS.CHILD_UNDER_3;
const NOT_PLACED = 'the resident is not placed in any grid of the street';

/** The resident rows of one person (a person surveyed twice has two). */
const rowsOf = (tx: Tx, citizenId: string) => tx.resident.findMany({ where: { canonicalCitizenId: citizenId }, select: { id: true, householdId: true } });

/** The one member of `ChangeFacts` each kind the grid acts on needs; the route validated it. */
const moveOf = (change: ReportedChange) => change.move!;

/** Why a move cannot be at all: the grid it names is not one of the street's. */
export async function unknownGrid(tx: Tx, change: ReportedChange): Promise<string | null> {
  if (change.kind !== 'MOVE_IN' && change.kind !== 'ADDRESS_CHANGE') return null;
  const { gridId } = moveOf(change);
  return (await tx.grid.findUnique({ where: { id: gridId }, select: { id: true } })) ? null : `no grid ${gridId} in the street`;
}

/**
 * Why the grid office cannot apply `change`, by what its database holds, or `null`:
 * an unknown grid, a resident (or a mother) not placed in the street. Reads only.
 */
async function whyNot(tx: Tx, change: ReportedChange): Promise<string | null> {
  switch (change.kind) {
    case 'MOVE_IN':
      return unknownGrid(tx, change);
    case 'ADDRESS_CHANGE':
      return (await unknownGrid(tx, change)) ?? ((await rowsOf(tx, change.residentId!)).length === 0 ? NOT_PLACED : null);
    case 'MOVE_OUT':
    case 'DEATH':
      return (await rowsOf(tx, change.residentId!)).length === 0 ? NOT_PLACED : null;
    case 'BIRTH':
      return (await rowsOf(tx, change.birth!.motherId)).length === 0 ? 'the mother is not placed in any grid of the street' : null;
    default:
      return `the grid office takes no ${change.kind}`;
  }
}

/**
 * The dwelling at `address` in the grid: the one surveyed there, or a new unregistered
 * dwelling (`D-<building>-<address hash>`, the survey's form for dwellings without a
 * household number) in the grid's first building, until the grid worker's visit files it.
 */
async function dwellingAt(tx: Tx, gridId: string, address: string): Promise<string> {
  const surveyed = await tx.household.findFirst({ where: { address, building: { gridId } }, select: { id: true }, orderBy: { id: 'asc' } });
  if (surveyed) return surveyed.id;
  const building = await tx.building.findFirst({ where: { gridId }, select: { id: true }, orderBy: { id: 'asc' } });
  if (!building) throw new Error(`grid ${gridId} has no building to place a dwelling in`);
  const id = `D-${building.id}-${createHash('sha256').update(address).digest('hex').slice(0, 8)}`;
  await tx.household.create({ data: { id, buildingId: building.id, address, registered: false } });
  return id;
}

/** Moves every row of the person to the dwelling; the household-registration move in makes them permanent residents. */
async function place(tx: Tx, citizenId: string, householdId: string, movingIn: boolean): Promise<void> {
  const rows = await rowsOf(tx, citizenId);
  if (rows.length === 0) {
    await tx.resident.create({ data: { citizenId, name: NAME_PENDING_VISIT, householdId, categories: { create: [{ category: PERMANENT }] } } });
    return;
  }
  const ids = rows.map((row) => row.id);
  await tx.resident.updateMany({ where: { id: { in: ids } }, data: { householdId } });
  if (!movingIn) return;
  await tx.residentCategory.deleteMany({ where: { residentId: { in: ids }, category: FLOATING } });
  await tx.residentCategory.createMany({ data: ids.map((residentId) => ({ residentId, category: PERMANENT })), skipDuplicates: true });
}

/**
 * Applies a change the grid office acts on (`CHANGE_RULES`): a move in or an address change
 * places the resident in the grid's dwelling (so the grid's jurisdiction index moves them
 * to that grid's workers), a move out or a death removes their placement, a birth places
 * the child with the mother (stored without a citizen ID, which public security has not
 * issued yet). `whyNot` first: a rule refused is a rejection and nothing is written.
 */
export async function applyGridChange(tx: Tx, change: ReportedChange): Promise<ChangeOutcome> {
  const reason = await whyNot(tx, change);
  if (reason !== null) return { outcome: 'REJECTED', reason };
  switch (change.kind) {
    case 'MOVE_IN':
    case 'ADDRESS_CHANGE': {
      const { gridId, address } = moveOf(change);
      await place(tx, change.residentId!, await dwellingAt(tx, gridId, address), change.kind === 'MOVE_IN');
      break;
    }
    case 'MOVE_OUT':
    case 'DEATH':
      await tx.resident.deleteMany({ where: { canonicalCitizenId: change.residentId! } });
      break;
    case 'BIRTH': {
      const birth = change.birth!;
      const [mother] = await rowsOf(tx, birth.motherId);
      const motherCategories = await tx.residentCategory.findMany({ where: { residentId: mother!.id, category: { in: [PERMANENT, FLOATING] } } });
      await tx.resident.create({
        data: {
          citizenId: '',
          name: birth.childName,
          householdId: mother!.householdId,
          categories: { create: [{ category: CHILD_UNDER_3 }, ...motherCategories.map(({ category }) => ({ category }))] },
        },
      });
      break;
    }
  }
  return { outcome: 'ACCEPTED' };
}
