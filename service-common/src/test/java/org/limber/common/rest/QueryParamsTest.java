package org.limber.common.rest;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.limber.common.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {

    @Test
    void enumsAreReadLeniently() {
        assertThat(QueryParams.enumValue("unit", "seconds", TimeUnit.class)).isEqualTo(TimeUnit.SECONDS);
        assertThat(QueryParams.enumValue("unit", " SECONDS ", TimeUnit.class)).isEqualTo(TimeUnit.SECONDS);
        assertThat(QueryParams.enumValue("unit", null, TimeUnit.class)).isNull();
        assertThat(QueryParams.enumSet("unit", List.of("seconds,minutes", "HOURS"), TimeUnit.class))
                .containsExactlyInAnyOrder(TimeUnit.SECONDS, TimeUnit.MINUTES, TimeUnit.HOURS);
    }

    @Test
    void aBadValueIsAProblemNamingTheParameter() {
        assertThatThrownBy(() -> QueryParams.enumValue("unit", "fortnights", TimeUnit.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem("/x").errors().get(0).field()).isEqualTo("unit");
                });
        assertThatThrownBy(() -> QueryParams.size("0")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> QueryParams.size("101")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> QueryParams.page("-1")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> QueryParams.page("two")).isInstanceOf(ProblemException.class);
        assertThat(QueryParams.size(null)).isEqualTo(QueryParams.DEFAULT_PAGE_SIZE);
        assertThat(QueryParams.page("3")).isEqualTo(3);
    }

    @Test
    void ifNoneMatchMatchesStrongWeakListsAndStar() {
        assertThat(ConditionalGetFilter.matches("\"abc\"", "\"abc\"")).isTrue();
        assertThat(ConditionalGetFilter.matches("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(ConditionalGetFilter.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
        assertThat(ConditionalGetFilter.matches("*", "\"abc\"")).isTrue();
        assertThat(ConditionalGetFilter.matches("\"abd\"", "\"abc\"")).isFalse();
        assertThat(ConditionalGetFilter.matches(null, "\"abc\"")).isFalse();
    }
}
