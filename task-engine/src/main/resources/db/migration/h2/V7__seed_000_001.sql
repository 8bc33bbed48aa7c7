-- Finished tasks by finish time: the seed 000 list of failures (newest first) and the seed 001 /
-- retention clean-up (finished before a cutoff, in keyset pages) walk this index. H2 has no
-- partial indexes, so it covers every row.
CREATE INDEX task_view_finished ON task_view (finished_at DESC, task_id DESC);
