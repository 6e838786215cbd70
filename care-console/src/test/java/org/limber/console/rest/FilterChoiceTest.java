package org.limber.console.rest;

import org.junit.jupiter.api.Test;

import org.limber.console.service.ServiceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The panel's filters and sorts are read whatever their case and answered as the allowed value is written:
 * the sorts are lower case ({@code -name} once became {@code -NAME} and was refused, so the panel could not be
 * sorted by name at all), the alert kinds upper case.
 */
class FilterChoiceTest {

    @Test
    void aSortIsAnsweredAsWrittenInTheList() {
        assertThat(CareTeamResource.choice("-name", CareTeamResource.SORTS)).isEqualTo("-name");
        assertThat(CareTeamResource.choice(" Name ", CareTeamResource.SORTS)).isEqualTo("name");
        assertThat(CareTeamResource.choice("-ID", CareTeamResource.SORTS)).isEqualTo("-id");
    }

    @Test
    void anAlertKindIsAnsweredInUpperCase() {
        assertThat(CareTeamResource.choice("high_pain", CareTeamResource.ALERT_KINDS))
                .isEqualTo("HIGH_PAIN");
    }

    @Test
    void anUnknownValueIsRefusedAndNothingIsNoChoice() {
        assertThatThrownBy(() -> CareTeamResource.choice("age", CareTeamResource.SORTS))
                .isInstanceOf(ServiceException.class);
        assertThat(CareTeamResource.choice(" ", CareTeamResource.SORTS)).isNull();
        assertThat(CareTeamResource.choice(null, CareTeamResource.SORTS)).isNull();
    }
}
