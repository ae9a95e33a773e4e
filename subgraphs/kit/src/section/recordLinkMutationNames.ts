/** The review mutations of a section `field`: `confirmCivilAffairsLink` … for `civilAffairs`. */
export function recordLinkMutationNames(field: string): { confirm: string; reject: string; undo: string } {
  const pascal = field[0]!.toUpperCase() + field.slice(1);
  return { confirm: `confirm${pascal}Link`, reject: `reject${pascal}Link`, undo: `undo${pascal}Link` };
}
