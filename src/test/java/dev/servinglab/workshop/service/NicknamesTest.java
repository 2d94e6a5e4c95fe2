package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NicknamesTest {

    @Test
    void anyScriptCountsEachCharacterOnce() {
        assertThat(Nicknames.read("Zoë"), equalTo(Optional.of("Zoë")));
        assertThat(Nicknames.read("李小龍"), equalTo(Optional.of("李小龍")));
        assertThat(Nicknames.read("مريم"), equalTo(Optional.of("مريم")));
        // 24 characters outside the Basic Multilingual Plane are 48 UTF-16 units, and still allowed.
        assertThat(Nicknames.read("🌸".repeat(24)).isPresent(), equalTo(true));
        assertThat(Nicknames.read("🌸".repeat(25)), equalTo(Optional.empty()));
    }

    @Test
    void spacesAreTrimmedAndCollapsed() {
        assertThat(Nicknames.read("  Ana   Lee "), equalTo(Optional.of("Ana Lee")));
    }

    @Test
    void emptyTooLongAndInvisibleNicknamesAreRefused() {
        assertThat(Nicknames.read("   "), equalTo(Optional.empty()));
        assertThat(Nicknames.read("a".repeat(25)), equalTo(Optional.empty()));
        assertThat(Nicknames.read("Ana\u0000"), equalTo(Optional.empty()));
        assertThat(Nicknames.read("Ana\u202Eevil"), equalTo(Optional.empty()));
        assertThat(Nicknames.read(null), equalTo(Optional.empty()));
    }

    @Test
    void nicknamesPeopleWouldConfuseShareAKey() {
        assertThat(Nicknames.key("ANA"), equalTo(Nicknames.key("ana")));
        assertThat(Nicknames.key("Ａｎａ"), equalTo(Nicknames.key("ana"))); // full-width letters
        assertThat(Nicknames.key("Ana"), not(equalTo(Nicknames.key("Anna"))));
    }
}
