/** Wire shapes of the admin API: the contract's generated types (times are Unix seconds). */
export type { AdminKey, AdminKeyBudget, AdminKeyCreated, AdminKeyList, AdminUsageReport, AdminUsageRow } from '@switchyard/contract';
