package org.limber.common.privacy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymsTest {

    @Test
    void aPseudonymIsTheHmacOfTheIdUnderTheKeyCutTo32HexCharacters() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("key-one".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "erased:"
                + HexFormat.of()
                        .formatHex(mac.doFinal("member-7".getBytes(StandardCharsets.UTF_8)))
                        .substring(0, 32);

        assertThat(new Pseudonyms("key-one").of("member-7")).isEqualTo(expected).hasSize(7 + 32);
    }

    @Test
    void theSameIdAndKeyGiveTheSamePseudonymAndAnotherKeyAnother() {
        Pseudonyms one = new Pseudonyms("key-one");
        assertThat(one.of("member-7")).isEqualTo(new Pseudonyms("key-one").of("member-7"));
        assertThat(one.of("member-7")).isNotEqualTo(one.of("member-8"));
        assertThat(one.of("member-7")).isNotEqualTo(new Pseudonyms("key-two").of("member-7"));
        assertThat(one.of("member-7")).doesNotContain("member-7");
    }

    @Test
    void aBlankKeyIsRefused() {
        assertThatThrownBy(() -> new Pseudonyms(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
