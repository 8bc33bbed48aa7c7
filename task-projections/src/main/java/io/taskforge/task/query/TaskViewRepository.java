package io.taskforge.task.query;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskViewRepository extends JpaRepository<TaskViewRow, UUID> {}
