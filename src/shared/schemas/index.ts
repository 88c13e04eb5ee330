// One import point for every endpoint schema shared by server, web and CLI.
export * from './common.ts';
export * from './auth.ts';
export * from './org.ts';
export * from './calendar.ts';
export * from './audit.ts';
export * from './appeals.ts';
export * from './ledger.ts';
export * from './attachments.ts';
export * from './notifications.ts';
export * from './supervision.ts';
export * from './enterprises.ts';
