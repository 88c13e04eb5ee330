// What a reopen (重办) clears on the appeal: the round's handler, pause, reply, follow-up and ratings — shared by the live action and the synthetic generator.
export const clearedOnReopen = {
  handler_id: null,
  paused_at: null,
  paused_ms: 0,
  reply_content: null,
  resolution: null,
  replied_at: null,
  follow_up_at: null,
  follow_up_reached: null,
  follow_up_resolved: null,
  follow_up_rating: null,
  enterprise_rating: null,
  enterprise_rated_at: null,
  rating: null,
  closed_at: null,
} as const;
