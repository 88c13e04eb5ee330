// Bulk assignment: the selected appeals are assigned one after another, and each row's failure is kept for the report.

interface Item {
  id: string;
  number: string;
  title: string;
}

export interface Outcome<T extends Item = Item> {
  item: T;
  error: string | null;
}

/** Assigns one after another (not in parallel): the server answers each on its own, and the dispatcher sees where it stopped. */
export async function assignEach<T extends Item>(items: readonly T[], body: Record<string, unknown>, assign: (id: string, body: Record<string, unknown>) => Promise<unknown>, describe: (error: unknown) => string): Promise<Outcome<T>[]> {
  const outcomes: Outcome<T>[] = [];
  for (const item of items) {
    try {
      await assign(item.id, body);
      outcomes.push({ item, error: null });
    } catch (error) {
      outcomes.push({ item, error: describe(error) });
    }
  }
  return outcomes;
}

