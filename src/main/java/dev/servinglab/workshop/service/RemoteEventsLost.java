package dev.servinglab.workshop.service;

/**
 * Says that this instance may have missed what other instances committed (its connection for their events broke,
 * or an event was too large to send): whatever it remembers of workshops, learners and classes is read again from
 * the database.
 */
public record RemoteEventsLost() {}
