// Who is told about each appeal step (interim: nobody; the notifications engineer fills this in).
import type { AppealRow } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';

export async function notifyAppealEvent(db: Executor, event: { appeal: AppealRow; action: string; actorId: string | null; at: Date }): Promise<void> {
  void db;
  void event;
}
