/** What one subgraph request actually served of personal data: the audit entry's content. */
export class ServedRecord {
  readonly residentIds = new Set<string>();
  readonly fields = new Set<string>();

  record(typeName: string, id: unknown, field: string): void {
    if (typeName === 'Resident' && typeof id === 'string') this.residentIds.add(id);
    this.fields.add(`${typeName}.${field}`);
  }

  get empty(): boolean {
    return this.fields.size === 0;
  }
}
