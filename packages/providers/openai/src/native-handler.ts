import type { NativeOperationId, NativeOperations } from '@switchyard/core';

/** The contract's handler type for one native operation. */
export type NativeHandler<K extends NativeOperationId> = NonNullable<NativeOperations[K]>;

/** What that handler resolves to (a JSON body, or an async iterable of events). */
export type NativeResult<K extends NativeOperationId> = Awaited<ReturnType<NativeHandler<K>>>;
