package org.limber.console.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.limber.events.member.PrescribedDose;

import static org.assertj.core.api.Assertions.assertThat;

class TailoringFormTest {

    static TailoringForm.Result read(Map<String, String> form) {
        return TailoringForm.read(form::get);
    }

    @Test
    void aSwapNeedsTheExerciseToSwapToAndANote() {
        TailoringForm.Result r = read(Map.of("type", " swap ", "slug", "cat-cow", "session", "2"));
        assertThat(r.valid()).isFalse();
        assertThat(r.errors()).containsOnlyKeys("to", "note");
        assertThat(r.type()).isEqualTo("SWAP");
        assertThat(r.slug()).isEqualTo("cat-cow");
        assertThat(r.session()).isEqualTo(2);

        TailoringForm.Result ok = read(Map.of("type", "SWAP", "slug", "cat-cow", "to", "bird-dog", "note", " easier "));
        assertThat(ok.valid()).isTrue();
        assertThat(ok.to()).isEqualTo("bird-dog");
        assertThat(ok.note()).isEqualTo("easier");
        assertThat(ok.dose()).isNull();
        assertThat(ok.overrideReason()).isNull();
    }

    @Test
    void aDoseIsReadWithItsBoundsAndTheRestDefaultingToNone() {
        TailoringForm.Result r = read(Map.of(
                "type",
                "DOSE",
                "slug",
                "cat-cow",
                "note",
                "n",
                "sets",
                "3",
                "reps",
                "12",
                "perSide",
                "on",
                "overrideReason",
                "x".repeat(3000)));
        assertThat(r.valid()).isTrue();
        assertThat(r.dose()).isEqualTo(new PrescribedDose(3, 12, null, null, 0, true));
        assertThat(r.overrideReason()).hasSize(FormValues.NOTE);
    }

    @Test
    void aDoseOutOfItsRangeOrWithoutRepetitionsOrADurationIsRefusedByField() {
        TailoringForm.Result r = read(Map.of(
                "type",
                "DOSE",
                "slug",
                "cat-cow",
                "note",
                "n",
                "sets",
                "11",
                "holdSeconds",
                "ten",
                "restSeconds",
                "-1"));
        assertThat(r.errors())
                .containsEntry("sets", "must be 1-10")
                .containsEntry("holdSeconds", "must be a whole number")
                .containsEntry("restSeconds", "must be 0-300")
                .containsEntry("reps", "give repetitions or a duration");
        assertThat(r.dose()).isNull();

        assertThat(read(Map.of("type", "DOSE", "slug", "s", "note", "n", "durationSeconds", "60"))
                        .errors())
                .containsOnlyKeys("sets");
    }

    @Test
    void anUnknownChangeOrASessionOutsideTheWeekIsRefused() {
        TailoringForm.Result r = read(Map.of("type", "DELETE", "slug", "s", "note", "n", "session", "8"));
        assertThat(r.errors()).containsEntry("type", "choose what to change").containsEntry("session", "must be 1-7");
        assertThat(read(Map.of()).errors()).containsOnlyKeys("type", "slug", "note");
        assertThat(read(Map.of("type", "pause", "slug", "s", "note", "n")).valid())
                .isTrue();
    }
}
