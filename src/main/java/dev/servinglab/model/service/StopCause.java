package dev.servinglab.model.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Says why a training stopped. Serialised as a lower-case keyword ({@code early-stop}), which the API publishes as
 * the enumeration of its {@code stop} field.
 */
@Schema(description = "Why a training stopped")
public enum StopCause {
    /** It ran every epoch it was given. */
    EPOCHS,
    /** Validation loss stopped improving for the patience; the best epoch's weights are kept. */
    EARLY_STOP,
    /** It reached the longest time a run may take. */
    TIME_LIMIT,
    /** A client asked it to stop. */
    CANCELLED,
    /** Every client following it went away. */
    DISCONNECTED,
    /** Its loss stopped being a number: the weights blew up. */
    DIVERGED,
    /** An error on the server ended it. */
    ERROR;

    /** Returns the keyword the API writes: the constant's name in lower case, with dashes. */
    @JsonValue
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Tells whether training was stopped from outside, by a client or by the client going away. */
    public boolean interrupted() {
        return this == CANCELLED || this == DISCONNECTED;
    }

    /** Tells whether the model a training stopped this way left is worth serving. */
    public boolean leavesServableModel() {
        return this == EPOCHS || this == EARLY_STOP || this == TIME_LIMIT;
    }
}
