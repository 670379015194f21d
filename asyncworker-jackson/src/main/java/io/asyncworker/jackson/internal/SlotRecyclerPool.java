package io.asyncworker.jackson.internal;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded pool of Jackson buffer recyclers shared by all threads, without a lock: a fixed array
 * of slots, each taken and filled with one compare-and-set. Jackson's own bounded pool sits on an
 * {@code ArrayBlockingQueue} (a lock per acquire and per release); its per-thread default gives
 * every fresh virtual thread fresh buffers.
 *
 * <p>Thread-safe. A recycler released while every slot is full is dropped; an acquire that finds
 * every slot empty makes a new one.
 */
public final class SlotRecyclerPool implements RecyclerPool<BufferRecycler> {
    private static final long serialVersionUID = 1L;
    private final int capacity;
    private final transient AtomicReferenceArray<BufferRecycler> slots;

    private SlotRecyclerPool(int capacity) {
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    /** {@return a pool of at most {@code capacity} idle recyclers} @param capacity at least 1 */
    public static SlotRecyclerPool of(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        return new SlotRecyclerPool(capacity);
    }

    @Override
    public BufferRecycler acquirePooled() {
        int start = start();
        for (int i = 0; i < capacity; i++) {
            int at = (start + i) % capacity;
            BufferRecycler r = slots.getPlain(at);
            if (r != null && slots.compareAndSet(at, r, null)) {
                return r;
            }
        }
        return new BufferRecycler();
    }

    @Override
    public void releasePooled(BufferRecycler recycler) {
        int start = start();
        for (int i = 0; i < capacity; i++) {
            int at = (start + i) % capacity;
            if (slots.getPlain(at) == null && slots.compareAndSet(at, null, recycler)) {
                return;
            }
        }
    }

    /** Threads start their search at different slots, so that they rarely race for one. */
    private int start() {
        return (int) (Thread.currentThread().threadId() % capacity);
    }

    @Override
    public int pooledCount() {
        int n = 0;
        for (int i = 0; i < capacity; i++) {
            n += slots.get(i) != null ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean clear() {
        for (int i = 0; i < capacity; i++) {
            slots.set(i, null);
        }
        return true;
    }

    /** A deserialized pool starts empty. */
    private Object readResolve() {
        return new SlotRecyclerPool(capacity);
    }
}
