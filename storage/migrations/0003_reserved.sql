-- Reserved: 0003 belongs to the Telegram branch. This placeholder keeps the numbers contiguous on
-- branches without it; drop it at merge when the real 0003 arrives.
SELECT 1;
