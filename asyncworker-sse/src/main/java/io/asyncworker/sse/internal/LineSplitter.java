package io.asyncworker.sse.internal;

/**
 * Splits an event stream's bytes into lines on CR, LF or CRLF, across arbitrary chunk boundaries,
 * and drops one leading UTF-8 byte order mark. Lines are handed over as bytes: CR and LF never
 * occur inside a UTF-8 multi-byte sequence, so a line's bytes decode on their own exactly as an
 * incremental decoder would decode them. A line longer than the maximum throws
 * {@link OversizedInputException} as soon as its first bytes beyond the maximum arrive, so that a
 * line without end never grows the buffer past the maximum.
 *
 * <p>Not thread-safe: one connection's reader feeds it.
 */
final class LineSplitter {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Receives each complete line, without its terminator; the bytes are valid only during the call. */
    @FunctionalInterface
    interface LineSink {
        void line(byte[] buf, int off, int len);
    }

    private final LineSink sink;
    private final int maxLine;
    private byte[] carry = new byte[128];
    private int carryLen;
    private boolean afterCr;
    private int bomSeen;
    private boolean bomDone;

    /** @param maxLine the longest line in bytes, without its terminator */
    LineSplitter(LineSink sink, int maxLine) {
        this.sink = sink;
        this.maxLine = maxLine;
    }

    /**
     * Feeds the next chunk of the stream.
     *
     * @throws OversizedInputException when a line is longer than the maximum; the splitter must
     *                                 be {@linkplain #reset() reset} before it is fed again
     */
    void feed(byte[] buf, int off, int len) {
        int end = off + len;
        int i = bomDone ? off : skipBom(buf, off, end);
        if (afterCr && i < end) {
            afterCr = false;
            if (buf[i] == '\n') {
                i++;
            }
        }
        int start = i;
        for (; i < end; i++) {
            byte c = buf[i];
            if (c <= '\r' && (c == '\n' || c == '\r')) { // one compare for most bytes
                if (carryLen == 0) {
                    checkLength(i - start);
                    sink.line(buf, start, i - start); // the common case, called here to be inlined
                } else {
                    emit(buf, start, i);
                }
                if (c == '\r') {
                    if (i + 1 == end) {
                        afterCr = true;
                    } else if (buf[i + 1] == '\n') {
                        i++;
                    }
                }
                start = i + 1;
            }
        }
        if (start < end) {
            append(buf, start, end - start);
        }
    }

    private void checkLength(int length) {
        if (length > maxLine) {
            throw new OversizedInputException("a line longer than " + maxLine + " bytes");
        }
    }

    /** Forgets an unterminated last line, as the stream ended. */
    void reset() {
        carryLen = 0;
        afterCr = false;
        bomSeen = 0;
        bomDone = false;
    }

    private int skipBom(byte[] buf, int i, int end) {
        while (i < end && bomSeen < BOM.length) {
            if (buf[i] != BOM[bomSeen]) {
                bomDone = true;
                append(BOM, 0, bomSeen); // not a BOM after all: its prefix is ordinary content
                return i;
            }
            bomSeen++;
            i++;
        }
        if (bomSeen == BOM.length) {
            bomDone = true;
        }
        return i;
    }

    /** Completes the carried start of a line with {@code buf[start, end)}. */
    private void emit(byte[] buf, int start, int end) {
        append(buf, start, end - start);
        int len = carryLen;
        carryLen = 0;
        sink.line(carry, 0, len);
    }

    private void append(byte[] buf, int off, int len) {
        checkLength(carryLen + len);
        if (carryLen + len > carry.length) {
            byte[] bigger = new byte[Math.min(Math.max(carry.length * 2, carryLen + len), maxLine)];
            System.arraycopy(carry, 0, bigger, 0, carryLen);
            carry = bigger;
        }
        System.arraycopy(buf, off, carry, carryLen, len);
        carryLen += len;
    }
}
