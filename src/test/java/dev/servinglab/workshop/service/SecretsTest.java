package dev.servinglab.workshop.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void aSecretMatchesItsHashOnly() {
        String secret = Secrets.newSecret();
        String hash = Secrets.hash(secret);
        assertThat(hash, matchesPattern("[0-9a-f]{64}"));
        assertThat(hash, not(equalTo(secret)));
        assertThat(Secrets.matches(secret, hash), equalTo(true));
        assertThat(Secrets.matches(secret + "x", hash), equalTo(false));
        assertThat(Secrets.matches(null, hash), equalTo(false));
    }

    @Test
    void secretsAreUrlSafeAndDiffer() {
        String secret = Secrets.newSecret();
        assertThat(secret, matchesPattern("[A-Za-z0-9_-]{22}"));
        assertThat(Secrets.newSecret(), not(equalTo(secret)));
    }
}
