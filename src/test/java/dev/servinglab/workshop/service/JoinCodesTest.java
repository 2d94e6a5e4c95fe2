package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JoinCodesTest {

    @Test
    void codesUseNoCharacterThatLooksLikeAnother() {
        for (char lookAlike : "0O1IL2Z5S6G8B".toCharArray()) {
            assertTrue(JoinCodes.ALPHABET.indexOf(lookAlike) < 0, lookAlike + " is in the alphabet");
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(JoinCodes.next(), matchesPattern("[" + JoinCodes.ALPHABET + "]{6}"));
        }
    }

    @Test
    void aCodeIsReadAsPeopleTypeIt() {
        assertThat(JoinCodes.read(" kxp-47r "), equalTo(Optional.of("KXP47R")));
        assertThat(JoinCodes.read("KXP 47R"), equalTo(Optional.of("KXP47R")));
        assertThat(JoinCodes.display("KXP47R"), equalTo("KXP-47R"));
    }

    @Test
    void whatCannotBeACodeIsRefused() {
        assertThat(JoinCodes.read("KXP47"), equalTo(Optional.empty()));
        assertThat(JoinCodes.read("KXP470"), equalTo(Optional.empty()));
        assertThat(JoinCodes.read(null), equalTo(Optional.empty()));
        assertThat(JoinCodes.read("K".repeat(1000)), equalTo(Optional.empty()));
    }
}
