import type { Reservation } from '@switchyard/accounting';
import type { RunReservation } from '@switchyard/store';

/** A budget reservation as a queued background run stores it (null when the key has no budget). */
export function runReservationOf(reservation: Reservation | undefined): RunReservation | null {
  return reservation === undefined ? null : { id: reservation.reservationId, amountUsd: reservation.amountUsd, periodStart: reservation.periodStart.toISOString() };
}

/** The budget reservation a stored background run holds, for its key reloaded by id (the inverse of `runReservationOf`). */
export function reservationOf(stored: RunReservation | null, keyId: string): Reservation | undefined {
  return stored === null ? undefined : { reservationId: stored.id, keyId, periodStart: new Date(stored.periodStart), amountUsd: stored.amountUsd };
}
