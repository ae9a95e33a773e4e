/** Residents and fields, as an audit entry names them. */
export class AccessSet {
  readonly residentIds = new Set<string>();
  readonly fields = new Set<string>();

  add(typeName: string, residentId: unknown, field: string): void {
    if (typeof residentId === 'string') this.residentIds.add(residentId);
    this.fields.add(`${typeName}.${field}`);
  }

  get empty(): boolean {
    return this.fields.size === 0;
  }
}

/**
 * What one subgraph request served of personal data, and what it refused: the content of
 * its audit entries (one `SERVED`, one `REFUSED`, each only when not empty).
 */
export class ServedRecord {
  readonly served = new AccessSet();
  readonly refused = new AccessSet();

  /** A field served; `residentId` names the resident it is about, when it is about one. */
  record(typeName: string, residentId: unknown, field: string): void {
    this.served.add(typeName, residentId, field);
  }

  /** A resident served through a field of another type (a household's members). */
  recordResident(residentId: string): void {
    this.served.residentIds.add(residentId);
  }

  /** A field refused (no purpose, out of jurisdiction, denied to the caller's role). */
  refuse(typeName: string, residentId: unknown, field: string): void {
    this.refused.add(typeName, residentId, field);
  }

  get empty(): boolean {
    return this.served.empty && this.refused.empty;
  }
}
