package io.asyncworker.test;

import io.asyncworker.Action;
import io.asyncworker.spi.Verdict;
import java.util.List;
import java.util.Map;

/**
 * A message sent with {@link InMemoryBroker#send(String, Object)}: what happened to it so far, and
 * ways to wait for what happens next.
 *
 * <p>Every time the route settles the message one entry is added to {@link #verdicts()}: {@code ACK}
 * and {@code REJECT} end its life ({@code REJECT} puts it on the queue's
 * {@linkplain InMemoryBroker#deadLetters(String) dead letters}), {@code REQUEUE} puts it back to be
 * delivered again with a growing {@link #deliveryCount()}. A settlement for a delivery whose channel
 * died ({@link InMemoryBroker#killChannels(String)}) is ignored, as a broker ignores an ack on a
 * closed channel, and recorded nowhere.
 *
 * <pre>{@code
 * Sent sent = broker.send("orders", new Order(1, "book"));
 * assertThat(sent.awaitSettled()).isEqualTo(Action.ACK);
 * }</pre>
 *
 * <p>Thread-safe. The {@code await} methods wait at most the broker's await timeout (10 s by default,
 * see {@link InMemoryBroker.Builder#awaitTimeout}) and then throw {@link AssertionError} saying what
 * happened to the message meanwhile.
 */
public interface Sent {

    /** {@return the queue it was sent to} */
    String queue();

    /** {@return the body as sent; shared, do not modify} */
    byte[] body();

    /** {@return the headers it was sent with, unmodifiable} */
    Map<String, Object> headers();

    /** {@return how many times it has been delivered to a consumer so far; 0 before the first delivery} */
    long deliveryCount();

    /** {@return the action of each settlement so far, oldest first} */
    List<Action> actions();

    /**
     * {@return the verdict of each settlement so far, oldest first}: besides the plain actions, a retry
     * with its delay and attempt, or a parking with its failure, when the pipeline decided so
     */
    List<Verdict> verdicts();

    /**
     * Waits for the first settlement.
     *
     * @return its action
     * @throws AssertionError when the message is not settled within the await timeout
     */
    Action awaitSettled();

    /**
     * Waits for the {@code n}-th settlement, e.g. the one after the first redelivery.
     *
     * @param n the settlement's number, 1 for the first
     * @return its action
     * @throws AssertionError when the message is not settled {@code n} times within the await timeout
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    Action awaitSettled(int n);

    /**
     * Waits for the settlement that ends the message's life: {@code ACK} or {@code REJECT} (a parked
     * message counts as rejected), after any number of requeues.
     *
     * @return that action
     * @throws AssertionError when no such settlement comes within the await timeout
     */
    Action awaitFinal();
}
