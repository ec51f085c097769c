-- Suggestion rows store each reason packed, [code, contribution, ...items], instead of an object
-- with keys (schema.ts, PackedReason): rows written before are rewritten in place, in order.
UPDATE "match_suggestions" SET "reasons" = (
  SELECT coalesce(
    jsonb_agg(jsonb_build_array(r -> 'code', r -> 'contribution') || coalesce(r -> 'items', '[]'::jsonb) ORDER BY n),
    '[]'::jsonb
  )
  FROM jsonb_array_elements("reasons") WITH ORDINALITY AS e(r, n)
)
WHERE jsonb_typeof("reasons" -> 0) = 'object';
