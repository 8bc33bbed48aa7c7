-- Liveness of attempts that report it instead of progress (long-running loops): when the attempt
-- last said it moved, when it counts as stalled unless it says so again, and how far it got.
-- Written by the heartbeat, never by an event, so a loop's iterations do not fill the event store.
ALTER TABLE task_queue ADD COLUMN alive_at timestamp(6) with time zone;
ALTER TABLE task_queue ADD COLUMN alive_until timestamp(6) with time zone;
ALTER TABLE task_queue ADD COLUMN alive_status varchar(200);
