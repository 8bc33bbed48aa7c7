-- Task numbers (decision 0007): the submission path draws each task's number from this sequence
-- before it creates the task, and the creation event carries it. Tasks created before this
-- migration have none (NULL).
CREATE SEQUENCE task_number_seq START WITH 1 INCREMENT BY 1;

ALTER TABLE task_view ADD COLUMN number bigint;
-- /api/v1/tasks/{number} and every other path that names a task by its number look it up here.
CREATE UNIQUE INDEX task_view_number ON task_view (number);
