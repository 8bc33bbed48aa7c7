package io.taskforge.task.query;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskViewRepository extends JpaRepository<TaskViewRow, UUID> {

    Optional<TaskViewRow> findByNumber(long number);
}
