/** One server-sent event as it came off the wire: the `event:` name (if any) and the raw `data:` text. */
export interface SseRecord {
  event: string | undefined;
  data: string;
}
