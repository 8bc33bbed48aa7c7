package io.taskforge.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemPatternTest {

    @ParameterizedTest(name = "{0} against problem {1}, type {2}: {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "test-*,       test-problem-001, noop,    true",
                "test-*,       benchmark-7,      noop,    false",
                "test-*,       null,             test-x,  true",
                "*,            null,             video,   true",
                "video,        null,             video,   true",
                "video,        null,             videos,  false",
                "video,        video,            noop,    true",
                "noop,         two-sum,          noop,    false",
                "bench-??,     bench-01,         noop,    true",
                "bench-??,     bench-1,          noop,    false",
                "a.b,          axb,              noop,    false",
                "100%,         100%,             noop,    true",
                "100%,         1000,             noop,    false",
                "a_b,          axb,              noop,    false"
            })
    void matches_the_problem_id_or_else_the_type(String glob, String problemId, String type, boolean expected) {
        assertThat(new ProblemPattern(glob).matches(problemId, type)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is LIKE {1}")
    @CsvSource({"test-*, test-%", "bench-??, bench-__", "100%, 100\\%", "a_b*, a\\_b%", "back\\slash, back\\\\slash"})
    void translates_to_sql_like_with_escapes(String glob, String like) {
        assertThat(new ProblemPattern(glob).sqlLike()).isEqualTo(like);
    }

    @ParameterizedTest(name = "max_parallel_tasks {0}")
    @CsvSource({"0", "-1", "1001"})
    void capabilities_refuse_a_capacity_out_of_range(int maxParallel) {
        assertThatThrownBy(() -> new WorkerCapabilities(maxParallel, List.of(new ProblemPattern("*"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_parallel_tasks");
    }

    @ParameterizedTest(name = "worker id ''{0}''")
    @CsvSource({"'', ", "'-leading-dash'", "'has space'", "'slash/inside'"})
    void worker_ids_are_safe_names(String id) {
        assertThatThrownBy(() -> new WorkerId(id)).isInstanceOf(IllegalArgumentException.class);
    }
}
