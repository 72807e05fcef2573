/**
 * The five user agents of the seed's `requestlog` topic, byte for byte (including the stray `>`
 * at the end of the Windows NT 6.1 one: it is in the original data).
 */
export const USER_AGENTS = [
  "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (iPhone17,5; CPU iPhone OS 18_3_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 FireKeepers/1.7.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36 Edg/134.0.0.0",
  "Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36>",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3.1 Safari/605.1.15",
] as const;

export type UserAgent = (typeof USER_AGENTS)[number];

/**
 * The device whose users buy markedly more often: the iPhone running the FireKeepers app. This is
 * what the story's investigation uncovers with `requestlog`.
 */
export const BIG_SPENDER_DEVICE = 1;
