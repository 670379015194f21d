package io.asyncworker.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One parking lot of a route (SPEC §14): where messages go after their last attempt, for a person
 * to look at, and from where they can be moved back. A backend offers its routes' lots through
 * {@link BackendFactory#parkingLots(BackendContext)}; {@code asyncworker parking-lot list|replay|purge}
 * works on them without knowing the backend.
 *
 * <p>Each call opens what it needs (e.g. a broker connection) and closes it before it returns;
 * nothing is consumed or changed by {@link #count()} and {@link #list(int)}. Called by tools, from
 * one thread at a time; calls may block for as long as the work takes.
 */
public interface ParkingLot {

    /** {@return the name of the route whose messages it holds} */
    String route();

    /** {@return the lot's name in the backend's terms, e.g. the queue {@code items.parking-lot}} */
    String name();

    /** {@return where {@link #replay} moves messages back to, e.g. {@code queue items}} */
    String destination();

    /**
     * {@return how many messages are parked}
     *
     * @throws IllegalStateException naming the problem when the backend cannot be reached
     */
    long count();

    /**
     * The first parked messages, oldest first, left where they are.
     *
     * @param limit how many at most, at least 1
     * @return the messages
     * @throws IllegalStateException naming the problem when the backend cannot be reached
     */
    List<ParkedMessage> list(int limit);

    /**
     * Moves parked messages back to where they came from, oldest first, with their attempt count
     * reset. Nothing is lost when the call is interrupted or a connection fails half-way: a message
     * leaves the lot only after its copy was confirmed at its destination (a failure in between
     * leaves it in both: replayed once more, never lost).
     *
     * @param limit    how many at most, at least 1
     * @param progress told of notable events on the way, e.g. a reconnect, in a few words
     * @return how many were moved
     * @throws IllegalStateException naming the problem when the work cannot go on (the messages not
     *                               moved stay parked)
     */
    long replay(long limit, Consumer<String> progress);

    /**
     * Deletes parked messages for good, oldest first.
     *
     * @param limit how many at most, at least 1
     * @return how many were deleted
     * @throws IllegalStateException naming the problem when the backend cannot be reached
     */
    long purge(long limit);

    /**
     * One parked message as a tool shows it.
     *
     * @param id      the message's id, or a position when it has none
     * @param details why and where from, in the backend's words and in a stable order: route,
     *                exception, attempts, failure times, original destination
     * @param body    the body as text, cut to a preview
     */
    record ParkedMessage(String id, Map<String, String> details, String body) {
        /** Validates and copies the components. */
        public ParkedMessage {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(body, "body");
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }
    }
}
