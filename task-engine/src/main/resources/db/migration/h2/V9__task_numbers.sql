-- See the PostgreSQL migration of the same version.
CREATE SEQUENCE task_number_seq START WITH 1 INCREMENT BY 1;

ALTER TABLE task_view ADD COLUMN number bigint;
CREATE UNIQUE INDEX task_view_number ON task_view (number);
